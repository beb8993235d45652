import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from '@nats-io/transport-node';
import {
  IdentityBroadcasts,
  IdentityRpc,
  type AccountSessionsChangedEvent,
  type Principal,
  type SessionStateReply,
} from '#lib/contracts';
import { APP_CONFIG, APP_LOGGER, type AppLogger } from '#lib/platform/core';
import { RpcClient, unauthenticated } from '#lib/platform/rpc';
import type { GatewayConfig } from '../config/gateway.config.js';

interface Cached<T> {
  value: T;
  until: number;
}

interface AccountState {
  active: boolean;
  tokensValidAfter?: number;
}

const MAX_ENTRIES = 10_000;
const RESUBSCRIBE_MS = 1000;

/**
 * Whether an access token still counts: its account may act (not disabled, not deceased), its
 * session is open, or — a token of no session — it was issued after the account's
 * `tokensValidAfter`. Identity holds the truth; this replica keeps each answer for a few seconds
 * (SESSION_STATE_CACHE_MS, bounded in size) and drops an account's answers the moment identity
 * announces a change (`identity.account.sessions-changed`, a plain publish every gateway replica
 * receives). So a token signed out, or of a password changed or an account disabled, is refused
 * by every replica from the next request on, and the hot path is a map lookup, not a database
 * read. While the subscription is not in place nothing is cached: every request asks identity.
 */
@Injectable()
export class SessionStateCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly accounts = new Map<string, Cached<AccountState>>();
  private readonly sessions = new Map<string, Cached<{ accountId: string; active: boolean }>>();
  private readonly inFlight = new Map<string, Promise<SessionStateReply>>();
  /** Bumped by every announcement: an answer fetched across one is not cached. */
  private generation = 0;
  private subscription?: Subscription;
  private closed = false;
  private readonly ttlMs: number;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(APP_CONFIG) config: GatewayConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {
    this.ttlMs = config.SESSION_STATE_CACHE_MS;
  }

  onApplicationBootstrap(): void {
    // Not awaited: the gateway starts (and answers 503s) while NATS is away; this keeps trying.
    void this.subscribe();
  }

  onApplicationShutdown(): void {
    this.closed = true;
    this.subscription?.unsubscribe();
  }

  /** Throws 401 when the token of `principal` no longer counts. Agencies are checked by identity. */
  async assertCurrent(principal: Principal): Promise<void> {
    const now = Date.now();
    const { accountId, sessionId } = principal;
    let account = this.fresh(this.accounts.get(accountId), now);
    let session = sessionId === undefined ? undefined : this.fresh(this.sessions.get(sessionId), now);
    if (account === undefined || (sessionId !== undefined && session === undefined)) {
      const reply = await this.fetch(accountId, sessionId);
      account = { active: reply.accountActive, tokensValidAfter: reply.tokensValidAfter };
      session = sessionId === undefined ? undefined : { accountId, active: reply.sessionActive === true };
    }
    if (!account.active) throw unauthenticated();
    if (sessionId !== undefined) {
      if (session?.active !== true || session.accountId !== accountId) throw unauthenticated();
    } else if (account.tokensValidAfter !== undefined && (principal.issuedAt ?? 0) * 1000 <= account.tokensValidAfter) {
      throw unauthenticated();
    }
  }

  /** Drops what this replica knows of the account (or of one of its sessions). */
  forget(event: AccountSessionsChangedEvent): void {
    this.generation++;
    this.accounts.delete(event.accountId);
    if (event.sessionId !== undefined) {
      this.sessions.delete(event.sessionId);
      return;
    }
    for (const [id, cached] of this.sessions) if (cached.value.accountId === event.accountId) this.sessions.delete(id);
  }

  /** Announcements sent while this replica was cut off are lost: what it cached then is dropped. */
  private async forgetAllOnReconnect(nats: { status(): AsyncIterable<{ type: string }> }): Promise<void> {
    try {
      for await (const status of nats.status()) {
        if (status.type === 'disconnect' || status.type === 'reconnect') {
          this.generation++;
          this.accounts.clear();
          this.sessions.clear();
        }
      }
    } catch {
      // The connection closed: the gateway is shutting down.
    }
  }

  private fresh<T>(cached: Cached<T> | undefined, now: number): T | undefined {
    return cached !== undefined && cached.until > now ? cached.value : undefined;
  }

  private fetch(accountId: string, sessionId: string | undefined): Promise<SessionStateReply> {
    const key = `${accountId}/${sessionId ?? ''}`;
    const pending = this.inFlight.get(key);
    if (pending !== undefined) return pending;
    const generation = this.generation;
    const request = this.rpc
      .call(IdentityRpc.SESSION_STATE, sessionId === undefined ? { accountId } : { accountId, sessionId })
      .then((reply) => {
        if (this.subscription !== undefined && generation === this.generation && this.ttlMs > 0) {
          const until = Date.now() + this.ttlMs;
          put(this.accounts, accountId, {
            value: { active: reply.accountActive, tokensValidAfter: reply.tokensValidAfter },
            until,
          });
          if (sessionId !== undefined) {
            put(this.sessions, sessionId, { value: { accountId, active: reply.sessionActive === true }, until });
          }
        }
        return reply;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, request);
    return request;
  }

  private async subscribe(): Promise<void> {
    while (!this.closed && this.subscription === undefined) {
      try {
        const nats = await this.rpc.connection();
        this.subscription = nats.subscribe(IdentityBroadcasts.ACCOUNT_SESSIONS_CHANGED, {
          callback: (error, message) => {
            if (error !== null) return;
            try {
              const event = message.json<AccountSessionsChangedEvent>();
              if (typeof event.accountId === 'string') this.forget(event);
            } catch {
              // Not an announcement: ignored (only identity may publish on this subject).
            }
          },
        });
        await nats.flush();
        void this.forgetAllOnReconnect(nats);
      } catch (error) {
        this.subscription = undefined;
        this.logger.warn({ err: error }, 'Cannot subscribe to session announcements yet; asking identity every time');
        await new Promise((resolve) => setTimeout(resolve, RESUBSCRIBE_MS));
      }
    }
  }
}

function put<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string);
  map.set(key, value);
}
