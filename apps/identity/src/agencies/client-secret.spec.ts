import { describe, expect, it } from '@jest/globals';
import { clientSecretMatches, hashClientSecret, newClientId, newClientSecret } from './client-secret.js';

describe('agency client credentials', () => {
  it('makes unguessable, distinct ids and secrets', () => {
    const secrets = new Set(Array.from({ length: 100 }, newClientSecret));
    expect(secrets.size).toBe(100);
    expect(newClientSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newClientId()).toMatch(/^agency-[0-9a-f]{24}$/);
  });

  it('stores a hash, never the secret, and checks a presented secret against it', () => {
    const secret = newClientSecret();
    const stored = hashClientSecret(secret);
    expect(stored).not.toContain(secret);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(clientSecretMatches(secret, stored)).toBe(true);
    expect(clientSecretMatches(`${secret}x`, stored)).toBe(false);
    expect(clientSecretMatches(secret, 'not-a-hash')).toBe(false);
  });
});
