import { Injectable } from '@nestjs/common';
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Principal } from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { JwksCache } from './jwks-cache.js';

export const TOKEN_ISSUER = 'disdukcapil-identity';
export const TOKEN_AUDIENCE = 'disdukcapil-api';

const ROLES: ReadonlySet<string> = new Set(Object.values(Role));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function unauthenticated(message = 'Token akses tidak sah atau sudah kedaluwarsa; silakan masuk kembali'): DomainError {
  return new DomainError('AUTH.UNAUTHENTICATED', message);
}

/** Verifies an access token signed by identity (ES256, issuer, audience, expiry) into a Principal. */
@Injectable()
export class TokenVerifier {
  constructor(private readonly jwks: JwksCache) {}

  async verify(token: string): Promise<Principal> {
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      throw unauthenticated();
    }
    const keys = await this.jwks.keysFor(kid);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ['ES256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
      }));
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) throw unauthenticated();
      throw error;
    }
    return principalOf(payload);
  }
}

function principalOf(payload: JWTPayload): Principal {
  const { sub, role, regencyCode, nik, username } = payload as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || !UUID.test(sub) || typeof role !== 'string' || !ROLES.has(role)) {
    throw unauthenticated();
  }
  const principal: Principal = { accountId: sub, role: role as Role };
  if (typeof regencyCode === 'string') principal.regencyCode = regencyCode;
  if (typeof nik === 'string') principal.nik = nik;
  if (typeof username === 'string') principal.username = username;
  return principal;
}
