import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
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
  /** ADMIN: DEPLOYMENT or REGENCY. */
  adminScope?: string;
  /** Staff: NIP and (when recorded) the person's NIK, so services compare people, not accounts. */
  nip?: string;
  staffNik?: string;
  /** The session (sign-in) the token belongs to. */
  sid?: string;
  /** Only `/me`, `/me/password` and `/auth/logout` until a new password is set (after a reset). */
  pwdChange?: true;
  /** Only enrolment in the second factor (and `/me`, sign-out) until the role's required factor is on. */
  mfaEnrol?: true;
}

/**
 * The key that signs access tokens. Its public half is published nowhere by identity: every app
 * (identity included) verifies tokens with the JWKS of its own configuration, JWT_PUBLIC_KEYS,
 * never with keys from the bus (ADR 0005). Each key has a `kid`, so a new key can sign while
 * tokens of a retired one stay valid until they expire (its public key stays in that JWKS).
 */
@Injectable()
export class SigningKeys implements OnModuleInit {
  private privateKey: KeyObject;
  private kid: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
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
}
