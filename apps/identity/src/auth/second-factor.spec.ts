import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import type { AppLogger } from '#lib/platform/core';
import type { IdentityConfig } from '../config/identity.config.js';
import { wrongCode } from '../../../../test/factories/totp.factory.js';
import { DEVELOPMENT_MFA_ENCRYPTION_KEY, SecondFactor } from './second-factor.js';

const logger = { warn: () => undefined } as unknown as AppLogger;
const factor = (config: Partial<IdentityConfig>): SecondFactor => {
  const made = new SecondFactor({ NODE_ENV: 'test', ...config } as IdentityConfig, logger);
  made.onModuleInit();
  return made;
};

describe('SecondFactor', () => {
  it('encrypts secrets at rest (AES-GCM: a changed byte is refused, another key cannot read it)', () => {
    const key = randomBytes(32).toString('base64');
    const box = factor({ MFA_ENCRYPTION_KEY: key });
    const stored = box.encrypt('JBSWY3DPEHPK3PXP');
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.decrypt(stored)).toBe('JBSWY3DPEHPK3PXP');
    const parts = stored.split('.');
    const body = Buffer.from(parts[3], 'base64');
    body[0] ^= 1;
    expect(() => box.decrypt([...parts.slice(0, 3), body.toString('base64')].join('.'))).toThrow();
    expect(() => factor({ MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64') }).decrypt(stored)).toThrow();
  });

  it('refuses no key and the development key in production, and a key of the wrong size anywhere', () => {
    expect(() => factor({ NODE_ENV: 'production' })).toThrow(/MFA_ENCRYPTION_KEY/);
    expect(() => factor({ NODE_ENV: 'production', MFA_ENCRYPTION_KEY: DEVELOPMENT_MFA_ENCRYPTION_KEY })).toThrow(
      /development key/,
    );
    expect(() => factor({ MFA_ENCRYPTION_KEY: randomBytes(16).toString('base64') })).toThrow(/32 bytes/);
    expect(() =>
      factor({ NODE_ENV: 'production', MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64') }),
    ).not.toThrow();
  });

  it('accepts a current code once (its time step is the floor for the next), and refuses others', async () => {
    const totp = factor({});
    const secret = totp.newSecret();
    const code = await generate({ secret });
    const step = await totp.check(secret, code);
    expect(step).toEqual(expect.any(Number));
    expect(await totp.check(secret, code, step)).toBeUndefined();
    // Not code + 1 as such: that is the code of the step before or after about twice in a million.
    const wrong = await wrongCode(secret, Number(code) + 1);
    expect(await totp.check(secret, wrong)).toBeUndefined();
    expect(totp.uri(secret, 'siti.clerk')).toMatch(/^otpauth:\/\/totp\/Disdukcapil:siti\.clerk\?/);
    expect(totp.recoveryCodes()).toHaveLength(10);
    expect(new Set(totp.recoveryCodes(50)).size).toBe(50);
  });
});
