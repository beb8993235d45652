import { randomBytes } from 'node:crypto';

/**
 * `size` random bytes that are the minimal DER contents of a positive INTEGER: the top bit of
 * the first byte clear (else it would be negative) and that byte not zero (a leading zero
 * followed by a byte below 0x80 is padding DER forbids, and OpenSSL refuses such a token).
 * Of 8 bytes, 62 bits are random: plenty for a nonce or a serial number.
 */
export function randomPositiveInteger(size: number): Buffer<ArrayBuffer> {
  const bytes = randomBytes(size);
  bytes[0] = 0x40 | (bytes[0] & 0x3f);
  return bytes;
}
