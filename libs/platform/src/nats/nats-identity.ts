import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * An app's one identity inside the system: the NATS nkey (Ed25519) it authenticates to the
 * NATS server with also signs the `x-caller` assertion of every request it sends, so the
 * receiving service knows which app asks (ADR 0005). The public nkeys of the apps (not
 * secret) reach every service from configuration (NATS_PEERS), never from the bus.
 */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
// DER prefixes of an Ed25519 key: PKCS#8 private (RFC 8410) and SubjectPublicKeyInfo.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The raw Ed25519 private key of a user nkey seed (`SU…`). */
export function ed25519FromSeed(seed: string): KeyObject {
  const trimmed = seed.trim();
  if (!/^SU[A-Z2-7]{56}$/.test(trimmed)) throw new Error('not a NATS user nkey seed (SU…)');
  const raw = base32Decode(trimmed).subarray(2, 34);
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, raw]), format: 'der', type: 'pkcs8' });
}

/** The Ed25519 public key of a user public nkey (`U…`). */
export function ed25519FromPublicNkey(nkey: string): KeyObject {
  if (!/^U[A-Z2-7]{55}$/.test(nkey)) throw new Error('not a NATS user public nkey (U…)');
  const raw = base32Decode(nkey).subarray(1, 33);
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
}

/** A value given directly, or read from the file named by the `_FILE` variant. */
export function valueOrFile(value: string | undefined, file: string | undefined): string | undefined {
  if (value !== undefined && value.trim() !== '') return value;
  if (file !== undefined && file.trim() !== '') return readFileSync(file, 'utf8').trim();
  return undefined;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** SHA-256 of a token, base64url: binds a caller assertion to the user token it travels with. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface CallerClaims {
  /** The calling app (`gateway`, `identity`, …). */
  iss: string;
  /** The service asked. */
  aud: string;
  /** The NATS subject asked. */
  sub: string;
  iat: number;
  exp: number;
  /** Hash of the user's access token sent with the request, when on behalf of a user. */
  ath?: string;
}

/**
 * Assertions kept at most this many at once by a signer or a verifier (a busy gateway asks a few
 * dozen subjects for a few thousand tokens a minute); when full, the whole memo is dropped.
 */
const MEMO_SIZE = 10_000;
/**
 * A signer hands out the same assertion for the same audience, subject and token for this long
 * (of its minute of validity): it names no request, only who asks what for whom, so signing it
 * again for every request bought nothing but an Ed25519 signature each time.
 */
const REUSE_SECONDS = 10;

/** Signs `x-caller` assertions with an app's nkey. */
export class CallerSigner {
  private readonly key: KeyObject;
  private readonly signed = new Map<string, { iat: number; token: string }>();

  constructor(
    readonly app: string,
    seed: string,
  ) {
    this.key = ed25519FromSeed(seed);
  }

  sign(claims: Omit<CallerClaims, 'iss' | 'iat' | 'exp'>, ttlSeconds = 60): string {
    const iat = Math.floor(Date.now() / 1000);
    const reusable = ttlSeconds === 60 && Object.keys(claims).every((name) => MEMO_CLAIMS.has(name));
    const memoKey = reusable ? `${claims.aud}\n${claims.sub}\n${claims.ath ?? ''}` : undefined;
    if (memoKey !== undefined) {
      const known = this.signed.get(memoKey);
      if (known !== undefined && iat - known.iat < REUSE_SECONDS && known.iat <= iat) return known.token;
    }
    const header = b64url(JSON.stringify({ alg: 'EdDSA', typ: 'caller+jwt' }));
    const payload = b64url(JSON.stringify({ iss: this.app, iat, exp: iat + ttlSeconds, ...claims }));
    const signature = sign(null, Buffer.from(`${header}.${payload}`), this.key);
    const token = `${header}.${payload}.${b64url(signature)}`;
    if (memoKey !== undefined) {
      if (this.signed.size >= MEMO_SIZE) this.signed.clear();
      this.signed.set(memoKey, { iat, token });
    }
    return token;
  }
}

const MEMO_CLAIMS: ReadonlySet<string> = new Set(['aud', 'sub', 'ath']);

/**
 * Verifies `x-caller` assertions against the apps' public nkeys (NATS_PEERS). An assertion whose
 * signature verified is remembered by its exact text (signature bytes included) until it
 * expires: the same text again skips only the Ed25519 verification, never the checks of expiry,
 * audience and subject; any other text, however close, is verified in full.
 */
export class CallerVerifier {
  private readonly keys = new Map<string, KeyObject>();
  private readonly verified = new Map<string, CallerClaims>();

  constructor(peers: Record<string, string>) {
    for (const [app, nkey] of Object.entries(peers)) this.keys.set(app, ed25519FromPublicNkey(nkey));
  }

  /** The verified claims, or a reason it was refused. */
  verify(token: string | undefined, expected: { aud: string; sub: string }): CallerClaims | string {
    if (token === undefined || token === '') return 'no caller assertion';
    const known = this.verified.get(token);
    if (known !== undefined) return this.judge(known, expected);
    const parts = token.split('.');
    if (parts.length !== 3) return 'malformed caller assertion';
    let claims: CallerClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as CallerClaims;
    } catch {
      return 'malformed caller assertion';
    }
    const key = typeof claims.iss === 'string' ? this.keys.get(claims.iss) : undefined;
    if (key === undefined) return 'unknown caller';
    const valid = verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2], 'base64url'));
    if (!valid) return 'bad caller signature';
    const judged = this.judge(claims, expected);
    if (typeof judged !== 'string') {
      if (this.verified.size >= MEMO_SIZE) this.verified.clear();
      this.verified.set(token, claims);
    }
    return judged;
  }

  /** The checks of a verified assertion's claims, made again at every use. */
  private judge(claims: CallerClaims, expected: { aud: string; sub: string }): CallerClaims | string {
    const now = Math.floor(Date.now() / 1000);
    if (typeof claims.exp !== 'number' || claims.exp < now - 5) return 'expired caller assertion';
    if (typeof claims.iat !== 'number' || claims.iat > now + 30) return 'caller assertion from the future';
    if (claims.aud !== expected.aud) return 'caller assertion for another service';
    if (claims.sub !== expected.sub) return 'caller assertion for another subject';
    return claims;
  }
}
