/**
 * The verification code printed under a document's QR code, for whoever must check a document
 * without scanning it: the same 144 random bits as the QR's token (base64url), written in
 * Crockford's base32 in groups of four. Only letters and digits that cannot be confused
 * (no I, L, O, U), case does not matter, and spaces or dashes typed between groups are ignored.
 * It is the token, not a look-up key of its own: a document is never found by its number or its
 * holder's data, which would hand an oracle to anyone guessing registrations.
 */

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Letters people type for the ones the alphabet leaves out. */
const READ_AS: Readonly<Record<string, string>> = { I: '1', L: '1', O: '0' };
/** A verification token (base64url; issued ones are 18 random bytes, 24 characters). */
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
/** What is typed as a token rather than a code: an issued token's length (a code is longer). */
const ISSUED_TOKEN = /^[A-Za-z0-9_-]{24}$/;

function bitsOf(text: string, alphabet: string, bitsPerChar: number): number[] | undefined {
  const bits: number[] = [];
  for (const char of text) {
    const value = alphabet.indexOf(char);
    if (value < 0) return undefined;
    for (let bit = bitsPerChar - 1; bit >= 0; bit--) bits.push((value >> bit) & 1);
  }
  return bits;
}

function textOf(bits: readonly number[], alphabet: string, bitsPerChar: number): string {
  let text = '';
  for (let start = 0; start < bits.length; start += bitsPerChar) {
    let value = 0;
    for (let bit = 0; bit < bitsPerChar; bit++) value = (value << 1) | (bits[start + bit] ?? 0);
    text += alphabet[value];
  }
  return text;
}

/** `XXXX-XXXX-…-X` for a document's token; undefined for a token not of the issued form. */
export function verificationCodeOf(token: string): string | undefined {
  if (!TOKEN.test(token)) return undefined;
  const bits = bitsOf(token, BASE64URL, 6) as number[];
  return (textOf(bits, CROCKFORD, 5).match(/.{1,4}/g) as string[]).join('-');
}

/**
 * What a person typed or pasted, as the token to look up: a verification address (its last
 * part), the token itself, or the printed code with any case, spaces or dashes; or why not:
 * `EMPTY` for nothing typed, `MALFORMED` for something that cannot be either.
 */
export function tokenOfTypedCode(input: string): { token: string } | { problem: 'EMPTY' | 'MALFORMED' } {
  const trimmed = input.trim();
  if (trimmed === '') return { problem: 'EMPTY' };
  const fromAddress = /\/verifikasi\/([A-Za-z0-9_-]+)\/?$/.exec(trimmed);
  if (fromAddress) return { token: fromAddress[1] };
  if (ISSUED_TOKEN.test(trimmed)) return { token: trimmed };
  const code = trimmed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[ILO]/g, (char) => READ_AS[char]);
  // A token of n characters prints as ceil(6n / 5) code characters; the spare bits are 0.
  const tokenLength = Math.floor((code.length * 5) / 6);
  if (tokenLength < 16 || Math.ceil((tokenLength * 6) / 5) !== code.length) return { problem: 'MALFORMED' };
  const bits = bitsOf(code, CROCKFORD, 5);
  if (bits === undefined || bits.slice(tokenLength * 6).includes(1)) return { problem: 'MALFORMED' };
  return { token: textOf(bits.slice(0, tokenLength * 6), BASE64URL, 6) };
}
