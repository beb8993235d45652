import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createUser } from '@nats-io/nkeys';
import { productionProblems } from '../config/load-config.js';
import { CallerSigner, CallerVerifier, tokenHash } from './nats-identity.js';

function app(): { seed: string; publicKey: string } {
  const kp = createUser();
  return { seed: new TextDecoder().decode(kp.getSeed()), publicKey: kp.getPublicKey() };
}

describe('caller assertions signed with an app’s nkey', () => {
  const gateway = app();
  const intruder = app();
  const verifier = new CallerVerifier({ gateway: gateway.publicKey });
  const expected = { aud: 'identity', sub: 'identity.staff.create' };

  it('accepts the app’s own assertion for this service and subject, with the token hash', () => {
    const token = new CallerSigner('gateway', gateway.seed).sign({ ...expected, ath: tokenHash('t') });
    expect(verifier.verify(token, expected)).toMatchObject({ iss: 'gateway', ...expected, ath: tokenHash('t') });
  });

  it('refuses another key, another service or subject, an expired or tampered assertion, or none', () => {
    const signer = new CallerSigner('gateway', gateway.seed);
    expect(verifier.verify(new CallerSigner('gateway', intruder.seed).sign(expected), expected)).toBe(
      'bad caller signature',
    );
    expect(verifier.verify(new CallerSigner('documents', intruder.seed).sign(expected), expected)).toBe(
      'unknown caller',
    );
    expect(verifier.verify(signer.sign({ ...expected, aud: 'documents' }), expected)).toBe(
      'caller assertion for another service',
    );
    expect(verifier.verify(signer.sign({ ...expected, sub: 'identity.keys.list' }), expected)).toBe(
      'caller assertion for another subject',
    );
    expect(verifier.verify(signer.sign(expected, -60), expected)).toBe('expired caller assertion');
    const [header, , signature] = signer.sign(expected).split('.');
    const forged = Buffer.from(JSON.stringify({ iss: 'gateway', ...expected, iat: 0, exp: 9e9 })).toString('base64url');
    expect(verifier.verify(`${header}.${forged}.${signature}`, expected)).toBe('bad caller signature');
    expect(verifier.verify(undefined, expected)).toBe('no caller assertion');
    expect(verifier.verify('a.b', expected)).toBe('malformed caller assertion');
  });

  describe('remembered assertions', () => {
    afterEach(() => {
      jest.restoreAllMocks();
    });
    const at = (seconds: number) => jest.spyOn(Date, 'now').mockReturnValue(seconds * 1000);

    it('signs once per audience, subject and token for ten seconds, then anew', () => {
      const signer = new CallerSigner('gateway', gateway.seed);
      at(1_000_000);
      const first = signer.sign({ ...expected, ath: tokenHash('t') });
      at(1_000_009);
      expect(signer.sign({ ...expected, ath: tokenHash('t') })).toBe(first);
      expect(signer.sign({ ...expected, ath: tokenHash('u') })).not.toBe(first);
      expect(signer.sign({ ...expected, sub: 'identity.staff.list', ath: tokenHash('t') })).not.toBe(first);
      at(1_000_010);
      expect(signer.sign({ ...expected, ath: tokenHash('t') })).not.toBe(first);
    });

    it('checks expiry, audience and subject again at every use of a verified assertion', () => {
      const own = new CallerVerifier({ gateway: gateway.publicKey });
      at(2_000_000);
      const token = new CallerSigner('gateway', gateway.seed).sign(expected);
      expect(own.verify(token, expected)).toMatchObject({ iss: 'gateway' });
      expect(own.verify(token, { ...expected, sub: 'identity.keys.list' })).toBe(
        'caller assertion for another subject',
      );
      expect(own.verify(token, { ...expected, aud: 'documents' })).toBe('caller assertion for another service');
      at(2_000_064);
      expect(own.verify(token, expected)).toMatchObject({ iss: 'gateway' });
      at(2_000_066);
      expect(own.verify(token, expected)).toBe('expired caller assertion');
    });

    it('verifies in full any text other than the one remembered, a changed signature byte included', () => {
      const own = new CallerVerifier({ gateway: gateway.publicKey });
      const token = new CallerSigner('gateway', gateway.seed).sign(expected);
      expect(own.verify(token, expected)).toMatchObject({ iss: 'gateway' });
      const [header, payload, signature] = token.split('.');
      const bytes = Buffer.from(signature, 'base64url');
      bytes[10] ^= 1;
      expect(own.verify(`${header}.${payload}.${bytes.toString('base64url')}`, expected)).toBe('bad caller signature');
      const forged = Buffer.from(JSON.stringify({ iss: 'gateway', ...expected, iat: 0, exp: 9e9 })).toString(
        'base64url',
      );
      expect(own.verify(`${header}.${forged}.${signature}`, expected)).toBe('bad caller signature');
    });
  });
});

describe('production refuses unsafe configuration, naming the variable', () => {
  const safe = {
    NODE_ENV: 'production',
    NATS_NKEY_SEED_FILE: '/run/secrets/nkey',
    NATS_PEERS_FILE: '/run/secrets/peers',
    JWT_PUBLIC_KEYS_FILE: '/run/secrets/jwks',
    DATABASE_URL: 'postgres://disduk_identity_app:9f8e7d6c5b4a@db/disduk_identity',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'a-secret-of-our-own',
    JWT_KEY_ID: 'k-20261130',
  };

  it('accepts a configuration of its own secrets, and anything outside production', () => {
    expect(productionProblems(safe)).toEqual([]);
    expect(productionProblems({ NODE_ENV: 'development', ADMIN_PASSWORD: 'admin-dev-password' })).toEqual([]);
  });

  it.each([
    [{ ADMIN_PASSWORD: 'admin-dev-password' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_PASSWORD: undefined }, 'ADMIN_PASSWORD'],
    [{ SIGNING_P12_PASSPHRASE: 'dev-only-passphrase' }, 'SIGNING_P12_PASSPHRASE'],
    [{ NATS_NKEY_SEED_FILE: undefined }, 'NATS_NKEY_SEED'],
    [{ NATS_PEERS_FILE: undefined }, 'NATS_PEERS'],
    [{ JWT_PUBLIC_KEYS_FILE: undefined }, 'JWT_PUBLIC_KEYS'],
    [{ JWT_KEY_ID: 'dev-1' }, 'JWT_KEY_ID'],
    [{ DATABASE_URL: 'postgres://postgres:postgres@db/disduk_identity' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://disduk_identity_app@db/disduk_identity' }, 'DATABASE_URL'],
  ])('refuses %j, naming %s', (change, variable) => {
    const problems = productionProblems({ ...safe, ...change });
    expect(problems.some((problem) => problem.startsWith(variable))).toBe(true);
  });
});
