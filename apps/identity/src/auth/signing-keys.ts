import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { exportJWK, SignJWT } from 'jose';
import type { PublicJwk } from '#lib/contracts';
import { APP_CONFIG, APP_LOGGER, ConfigError, type AppLogger } from '#lib/platform/core';
import { valueOrFile } from '#lib/platform/rpc';
import type { IdentityConfig } from '../config/identity.config.js';

export const TOKEN_ALGORITHM = 'ES256';
export const TOKEN_ISSUER = 'disdukcapil-identity';
export const TOKEN_AUDIENCE = 'disdukcapil-api';

export interface AccessTokenClaims {
  sub: string;
  role: string;
  regencyCode?: string;
  nik?: string;
  username?: string;
  /** The session (sign-in) the token belongs to. */
  sid?: string;
  /** Only `/me`, `/me/password` and `/auth/logout` until a new password is set (after a reset). */
  pwdChange?: true;
  /** Only enrolment in the second factor (and `/me`, sign-out) until the role's required factor is on. */
  mfaEnrol?: true;
}

/**
 * The key that signs access tokens, and the public keys it publishes on `identity.keys.list`
 * (informational: the gateway and the services verify tokens with the keys of their own
 * configuration, JWT_PUBLIC_KEYS, never with keys from the bus — ADR 0005).
 * Each key has a `kid`, so a new key can sign while tokens of a retired one stay valid until
 * they expire (its public key stays in JWT_RETIRED_KEYS meanwhile).
 */
@Injectable()
export class SigningKeys implements OnModuleInit {
  private privateKey: KeyObject;
  private kid: string;
  private jwks: PublicJwk[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    const { JWT_KEY_ID: kid, NODE_ENV } = this.config;
    const pem = valueOrFile(this.config.JWT_PRIVATE_KEY, this.config.JWT_PRIVATE_KEY_FILE);
    if (pem !== undefined) {
      if (kid === undefined) throw new ConfigError('identity', ['JWT_KEY_ID: required with JWT_PRIVATE_KEY']);
      this.privateKey = this.readPrivateKey(pem);
      this.kid = kid;
    } else if (NODE_ENV === 'production') {
      throw new ConfigError('identity', ['JWT_PRIVATE_KEY: required in production (ES256 private key, PKCS#8 PEM)']);
    } else {
      this.privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
      this.kid = kid ?? `ephemeral-${randomBytes(6).toString('hex')}`;
      this.logger.warn({ kid: this.kid }, 'JWT_PRIVATE_KEY is not set: signing with a key generated for this process');
    }
    const own = await exportJWK(createPublicKey(this.privateKey));
    this.jwks = [
      { kty: own.kty as string, crv: own.crv, x: own.x, y: own.y, kid: this.kid, alg: TOKEN_ALGORITHM, use: 'sig' },
      ...this.retiredKeys(),
    ];
  }

  publicKeys(): PublicJwk[] {
    return this.jwks;
  }

  sign(claims: AccessTokenClaims, ttlSeconds: number): Promise<string> {
    const { sub, ...rest } = claims;
    return new SignJWT({ ...rest })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: this.kid, typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.privateKey);
  }

  private readPrivateKey(pem: string): KeyObject {
    try {
      const key = createPrivateKey(pem.replace(/\\n/g, '\n'));
      if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
        throw new Error('not a P-256 key');
      }
      return key;
    } catch (error) {
      throw new ConfigError('identity', [
        `JWT_PRIVATE_KEY: must be an ES256 (P-256) private key in PKCS#8 PEM (${(error as Error).message})`,
      ]);
    }
  }

  private retiredKeys(): PublicJwk[] {
    const text = this.config.JWT_RETIRED_KEYS;
    if (text === undefined) return [];
    try {
      const parsed = JSON.parse(text) as { keys?: PublicJwk[] };
      const keys = parsed.keys ?? [];
      if (!keys.every((key) => typeof key.kid === 'string' && key.kty === 'EC')) throw new Error('each key needs kid');
      return keys.map((key) => ({ ...key, alg: TOKEN_ALGORITHM, use: 'sig' }));
    } catch (error) {
      throw new ConfigError('identity', [
        `JWT_RETIRED_KEYS: must be a JWKS of EC public keys (${(error as Error).message})`,
      ]);
    }
  }
}
