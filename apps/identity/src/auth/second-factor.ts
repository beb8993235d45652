import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { APP_CONFIG, APP_LOGGER, ConfigError, type AppLogger } from '#lib/platform/core';
import { valueOrFile } from '#lib/platform/rpc';
import type { IdentityConfig } from '../config/identity.config.js';

/** The issuer authenticator apps show beside the account name. */
export const TOTP_ISSUER = 'Disdukcapil';
/** RFC 6238 defaults (30 s, 6 digits, SHA-1): what every authenticator app reads from a QR code. */
const TOTP_PERIOD_SECONDS = 30;
/** One step either side of now: a phone's clock a little off still works. */
const TOTP_TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

/**
 * The development key for TOTP secrets at rest (published here, so production refuses it): the
 * SHA-256 of a fixed phrase.
 */
export const DEVELOPMENT_MFA_ENCRYPTION_KEY = createHash('sha256')
  .update('disdukcapil development MFA encryption key')
  .digest('base64');

/**
 * TOTP (RFC 6238, via otplib) and the encryption of TOTP secrets at rest (AES-256-GCM with the
 * key of MFA_ENCRYPTION_KEY[_FILE]); a database dump alone does not give anyone's second factor.
 */
@Injectable()
export class SecondFactor implements OnModuleInit {
  private key: Buffer = Buffer.alloc(0);

  constructor(
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    const given = valueOrFile(this.config.MFA_ENCRYPTION_KEY, this.config.MFA_ENCRYPTION_KEY_FILE)?.trim();
    const production = this.config.NODE_ENV === 'production';
    if (given === undefined || given === '') {
      if (production) {
        throw new ConfigError('identity', ['MFA_ENCRYPTION_KEY: required in production (32 random bytes, base64)']);
      }
      this.logger.warn('MFA_ENCRYPTION_KEY is not set: TOTP secrets are encrypted with the development key');
      this.key = Buffer.from(DEVELOPMENT_MFA_ENCRYPTION_KEY, 'base64');
      return;
    }
    if (production && given === DEVELOPMENT_MFA_ENCRYPTION_KEY) {
      throw new ConfigError('identity', ['MFA_ENCRYPTION_KEY: the published development key; make a key of your own']);
    }
    const key = Buffer.from(given, 'base64');
    if (key.length !== 32) {
      throw new ConfigError('identity', ['MFA_ENCRYPTION_KEY: must be 32 bytes, base64 (openssl rand -base64 32)']);
    }
    this.key = key;
  }

  newSecret(): string {
    return generateSecret();
  }

  uri(secret: string, accountName: string): string {
    return generateURI({ issuer: TOTP_ISSUER, label: accountName, secret, period: TOTP_PERIOD_SECONDS });
  }

  /** The otpauth URI as a QR code, an SVG `data:` URL the page can show as an image. */
  async qrCode(uri: string): Promise<string> {
    const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
  }

  /**
   * The time step of a valid code, or undefined. A code of a step at or before `afterTimeStep`
   * (the last one used) is refused: each code works once.
   */
  async check(secret: string, code: string, afterTimeStep?: number): Promise<number | undefined> {
    try {
      const result = await verify({
        secret,
        token: code,
        period: TOTP_PERIOD_SECONDS,
        epochTolerance: TOTP_TOLERANCE_SECONDS,
        ...(afterTimeStep === undefined ? {} : { afterTimeStep }),
      });
      return result.valid && 'timeStep' in result ? result.timeStep : undefined;
    } catch {
      return undefined;
    }
  }

  encrypt(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined) {
      throw new Error('Unknown format of a stored TOTP secret');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  /** Ten recovery codes `xxxx-xxxx-xxxx` (letters and digits, no look-alikes): about 59 bits each. */
  recoveryCodes(count = 10): string[] {
    const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
    const group = (): string => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return Array.from({ length: count }, () => `${group()}-${group()}-${group()}`);
  }
}
