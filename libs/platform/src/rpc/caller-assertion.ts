import type { AnyRpcDefinition, Principal } from '#lib/contracts';
import { DomainError } from '#lib/domain';
import type { BaseConfig } from '../config/base.config.js';
import { ConfigError } from '../config/load-config.js';
import { currentContext } from '../context/request-context.js';
import { type CallerSigner, CallerVerifier, tokenHash, valueOrFile, type CallerClaims } from '../nats/nats-identity.js';
import { AccessTokenVerifier, accessTokenKeysOf, unauthenticated } from './access-token.js';
import type { RpcHeaderSource } from './rpc-client.js';

/** The calling app's signed assertion (see CallerSigner). */
export const CALLER_HEADER = 'x-caller';
/** The user's access token, `Bearer …`, when a request is made on a user's behalf. */
export const ACCESS_TOKEN_HEADER = 'authorization';

/** NATS_PEERS[_FILE]: `{ app: publicNkey }`, or undefined. */
export function natsPeersOf(config: BaseConfig, app: string): Record<string, string> | undefined {
  const text = valueOrFile(config.NATS_PEERS, config.NATS_PEERS_FILE);
  if (text === undefined) return undefined;
  try {
    const peers = JSON.parse(text) as Record<string, string>;
    new CallerVerifier(peers); // every key must parse
    return peers;
  } catch (error) {
    throw new ConfigError(app, [`NATS_PEERS: must be JSON { "<app>": "U…public nkey" } (${(error as Error).message})`]);
  }
}

/**
 * Adds to every request the app sends: the user's access token when the request is made on a
 * user's behalf (the one the gateway verified, or the one a service received), and the app's
 * own `x-caller` assertion — audience the service asked, the subject, a minute of validity and
 * the hash of that token — signed with the app's nkey.
 */
export class CallerAssertionSource implements RpcHeaderSource {
  constructor(private readonly signer: CallerSigner | undefined) {}

  headersFor(rpc: AnyRpcDefinition): Record<string, string> {
    const headers: Record<string, string> = {};
    const token = currentContext()?.accessToken;
    if (token !== undefined) headers[ACCESS_TOKEN_HEADER] = `Bearer ${token}`;
    if (this.signer !== undefined) {
      headers[CALLER_HEADER] = this.signer.sign({
        aud: rpc.service,
        sub: rpc.subject,
        ...(token === undefined ? {} : { ath: tokenHash(token) }),
      });
    }
    return headers;
  }
}

export interface IncomingRequest {
  subject: string;
  header(name: string): string | undefined;
  /** The message body as received (before validation): its `principal` is replaced. */
  data: unknown;
}

export interface VerifiedCaller {
  /** The calling app, when callers are verified. */
  app?: string;
  principal?: Principal;
  accessToken?: string;
}

/**
 * A service's check of every request it receives, before any handler or validation runs:
 * 1. the `x-caller` assertion must be signed by a known app, for this service and subject,
 *    and not expired (when NATS_PEERS is configured; production refuses to start without);
 * 2. a request carrying a `principal` must carry the user's access token, which must verify
 *    with the configured keys (and match the assertion's token hash); the principal in the
 *    body is then replaced by the token's — a body that names someone else is refused.
 * No service takes a role, regency or NIK from a message body.
 */
export class IncomingCallerCheck {
  constructor(
    private readonly service: string,
    private readonly callers: CallerVerifier | undefined,
    private readonly tokens: AccessTokenVerifier,
  ) {}

  static fromConfig(config: BaseConfig, service: string): IncomingCallerCheck {
    const peers = natsPeersOf(config, service);
    return new IncomingCallerCheck(
      service,
      peers === undefined ? undefined : new CallerVerifier(peers),
      new AccessTokenVerifier(accessTokenKeysOf(config, service)),
    );
  }

  async verify(request: IncomingRequest): Promise<VerifiedCaller> {
    const verified: VerifiedCaller = {};
    let claims: CallerClaims | undefined;
    if (this.callers !== undefined) {
      const result = this.callers.verify(request.header(CALLER_HEADER), { aud: this.service, sub: request.subject });
      if (typeof result === 'string') throw unauthenticated(`Pemanggil tidak dikenal (${result})`);
      claims = result;
      verified.app = result.iss;
    }
    const bearer = /^Bearer (\S+)$/.exec(request.header(ACCESS_TOKEN_HEADER)?.trim() ?? '');
    if (bearer !== null) {
      const token = bearer[1];
      if (claims !== undefined && claims.ath !== tokenHash(token)) {
        throw unauthenticated('Token akses tidak terikat pada permintaan ini');
      }
      verified.principal = await this.tokens.verify(token);
      verified.accessToken = token;
    }
    const data = request.data;
    if (typeof data === 'object' && data !== null && 'principal' in data) {
      const body = data as { principal?: unknown };
      if (body.principal !== undefined && body.principal !== null) {
        if (verified.principal === undefined) throw unauthenticated('Permintaan tanpa token akses yang sah');
        const claimed = body.principal as Partial<Principal>;
        if (claimed.accountId !== verified.principal.accountId || claimed.role !== verified.principal.role) {
          throw new DomainError('AUTH.FORBIDDEN', 'Identitas dalam pesan tidak sesuai dengan token akses');
        }
        body.principal = { ...verified.principal };
      }
    }
    return verified;
  }
}
