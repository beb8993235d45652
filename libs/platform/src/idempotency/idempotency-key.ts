import { createHash } from 'node:crypto';

/**
 * Safe retries (API.md "Safe retries", after the IETF httpapi Idempotency-Key draft): a client
 * sends a key of its choosing with an action; a retry with the same key, caller and request gets
 * the first outcome back instead of acting again. These parts carry no database and are shared
 * by the gateway (which checks the key and fingerprints the request) and the services (which
 * remember the key with the effect).
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** NATS header: the key, as the client sent it. */
export const IDEMPOTENCY_KEY_NATS_HEADER = 'Idempotency-Key';
/** NATS header: SHA-256 of the HTTP request (method, path, body) the key was sent with. */
export const IDEMPOTENCY_FINGERPRINT_NATS_HEADER = 'Idempotency-Fingerprint';
/** How long a key is remembered at least; rows are purged after it. */
export const IDEMPOTENCY_KEEP_HOURS = 24;

/** 1–255 visible ASCII characters (RFC 5234 VCHAR). */
const KEY = /^[\x21-\x7e]{1,255}$/;

export function isValidIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && KEY.test(value);
}

/** JSON with object keys sorted, so that the same body always gives the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What makes two requests "the same request": method, path and body, however the JSON was laid out. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${canonical(body)}`)
    .digest('hex');
}
