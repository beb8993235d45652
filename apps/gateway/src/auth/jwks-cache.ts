import { Injectable } from '@nestjs/common';
import { createLocalJWKSet } from 'jose';
import { IdentityRpc } from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';

/** However many unknown `kid`s arrive, identity is asked for keys at most this often. */
const MIN_REFRESH_INTERVAL_MS = 10_000;

type KeySet = ReturnType<typeof createLocalJWKSet>;

/**
 * The identity service's public signing keys, kept in memory so that verifying a token costs
 * no round trip. Fetched on first use, and again when a token names a key not known yet (after
 * a key rotation), no more than once per interval, one fetch at a time.
 */
@Injectable()
export class JwksCache {
  private keySet: KeySet | undefined;
  private kids = new Set<string>();
  private fetchedAt = 0;
  private inflight: Promise<void> | undefined;

  constructor(private readonly services: RpcClient) {}

  /** The key set, refreshed first when `kid` is unknown and the last fetch is old enough. */
  async keysFor(kid: string | undefined): Promise<KeySet> {
    const unknown = kid === undefined || !this.kids.has(kid);
    if (this.keySet === undefined || (unknown && Date.now() - this.fetchedAt >= MIN_REFRESH_INTERVAL_MS)) {
      await this.refresh(kid);
    }
    return this.keySet as KeySet;
  }

  private refresh(kid: string | undefined): Promise<void> {
    this.inflight ??= this.services
      .call(IdentityRpc.KEYS_LIST, kid === undefined ? {} : { kid })
      .then((reply) => {
        this.keySet = createLocalJWKSet({ keys: reply.keys });
        this.kids = new Set(reply.keys.map((key) => key.kid));
        this.fetchedAt = Date.now();
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }
}
