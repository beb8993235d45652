import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Agency client credentials. The secret is 256 random bits, so a plain SHA-256 is a sound way
 * to store it (there is no dictionary to guess from, unlike a password, and a slow hash would
 * only make the token endpoint easy to flood); the secret itself is shown once and never kept.
 */
export function newClientId(): string {
  return `agency-${randomBytes(12).toString('hex')}`;
}

export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function clientSecretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashClientSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(stored, presented);
}
