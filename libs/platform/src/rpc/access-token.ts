import { createLocalJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Principal } from '#lib/contracts';
import { AdminScope, DomainError, Role } from '#lib/domain';
import type { BaseConfig } from '../config/base.config.js';
import { ConfigError } from '../config/load-config.js';
import { valueOrFile } from '../nats/nats-identity.js';

export const TOKEN_ISSUER = 'disdukcapil-identity';
export const TOKEN_AUDIENCE = 'disdukcapil-api';

const ROLES: ReadonlySet<string> = new Set(Object.values(Role));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function unauthenticated(
  message = 'Token akses tidak sah atau sudah kedaluwarsa; silakan masuk kembali',
): DomainError {
  return new DomainError('AUTH.UNAUTHENTICATED', message);
}

interface Jwk {
  kid?: string;
  kty?: string;
  [key: string]: unknown;
}

/** JWT_PUBLIC_KEYS[_FILE]: the JWKS access tokens are verified with, or undefined. */
export function accessTokenKeysOf(config: BaseConfig, app: string): Jwk[] | undefined {
  const text = valueOrFile(config.JWT_PUBLIC_KEYS, config.JWT_PUBLIC_KEYS_FILE);
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as { keys?: Jwk[] };
    const keys = parsed.keys ?? [];
    if (keys.length === 0 || !keys.every((key) => typeof key.kid === 'string' && key.kty === 'EC')) {
      throw new Error('not every key is an EC key with a kid');
    }
    // Public keys only: a JWKS with a private part ("d") is a leaked secret.
    return keys.map(({ d: _d, ...publicPart }) => publicPart);
  } catch (error) {
    throw new ConfigError(app, [
      `JWT_PUBLIC_KEYS: must be a JWKS of EC public keys, each with its kid (${(error as Error).message})`,
    ]);
  }
}

/**
 * Verifies an access token signed by identity (ES256, issuer, audience, expiry, a `kid` in
 * the configured key set) into the Principal it names. The gateway checks each HTTP request
 * with it, and every service checks the token forwarded with each request it receives.
 */
export class AccessTokenVerifier {
  private readonly keySet: ReturnType<typeof createLocalJWKSet> | undefined;
  private readonly kids: ReadonlySet<string>;
  /**
   * Tokens already verified, until they expire: an agency or a user sends the same token with
   * many requests, and the signature check is the costly part. Bounded; oldest dropped first.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();
  private static readonly CACHE_SIZE = 10_000;

  constructor(keys: Jwk[] | undefined) {
    this.keySet = keys === undefined ? undefined : createLocalJWKSet({ keys: keys });
    this.kids = new Set((keys ?? []).map((key) => key.kid as string));
  }

  get configured(): boolean {
    return this.keySet !== undefined;
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (known.expiresAt > Date.now()) return { ...known.principal };
      this.verified.delete(token);
    }
    const { principal, expiresAt } = await this.check(token);
    if (this.verified.size >= AccessTokenVerifier.CACHE_SIZE) {
      this.verified.delete(this.verified.keys().next().value as string);
    }
    this.verified.set(token, { principal, expiresAt });
    return { ...principal };
  }

  private async check(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    if (this.keySet === undefined) throw unauthenticated();
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      throw unauthenticated();
    }
    if (kid === undefined || !this.kids.has(kid)) throw unauthenticated();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keySet, {
        algorithms: ['ES256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
      }));
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) throw unauthenticated();
      throw error;
    }
    return { principal: principalOf(payload), expiresAt: (payload.exp ?? 0) * 1000 };
  }
}

function principalOf(payload: JWTPayload): Principal {
  const { sub, role, regencyCode, nik, username, adminScope, nip, staffNik, sid, iat, pwdChange, mfaEnrol } =
    payload as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || !UUID.test(sub) || typeof role !== 'string' || !ROLES.has(role)) {
    throw unauthenticated();
  }
  const principal: Principal = { accountId: sub, role: role as Role };
  if (typeof regencyCode === 'string') principal.regencyCode = regencyCode;
  if (typeof nik === 'string') principal.nik = nik;
  if (typeof username === 'string') principal.username = username;
  if (adminScope === AdminScope.DEPLOYMENT || adminScope === AdminScope.REGENCY) principal.adminScope = adminScope;
  if (typeof nip === 'string') principal.nip = nip;
  if (typeof staffNik === 'string') principal.staffNik = staffNik;
  if (typeof sid === 'string') {
    if (!UUID.test(sid)) throw unauthenticated();
    principal.sessionId = sid;
  }
  if (typeof iat === 'number') principal.issuedAt = iat;
  if (pwdChange === true) principal.passwordChangeRequired = true;
  if (mfaEnrol === true) principal.mfaEnrolmentRequired = true;
  return principal;
}
