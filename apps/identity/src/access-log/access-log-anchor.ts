import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { AnchorStatement, SignedAnchor } from '#lib/contracts';
import type { ChainHead } from './access-log-chain.js';

/**
 * Signing and checking the anchors of the access log's chain head (Ed25519, a key of its own,
 * never the token key). Pure functions: the service publishes, `audit:verify` checks.
 */

/**
 * The development anchor key: published here, so it proves nothing. Production refuses it (and
 * a missing key) at start-up; `node scripts/make-secrets.mjs` writes a real one.
 */
export const DEV_ANCHOR_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEII6lAAxzLZ/IEo5UKBVOIMOTsimsscEN1yGCZD1bvJBI
-----END PRIVATE KEY-----
`;
export const DEV_ANCHOR_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEARlcVb+JRSE26A0wOmdCSHEzw9p9jozjeX/gnwo716kI=
-----END PUBLIC KEY-----
`;

/** A key's id: the first 16 hex digits of the SHA-256 of its public key (SPKI DER). */
export function anchorKeyId(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function anchorPrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error('the anchor key must be an Ed25519 private key (PKCS#8 PEM)');
  return key;
}

export function anchorPublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the anchor key must be an Ed25519 public key (SPKI PEM)');
  return key;
}

function statementBytes({ seq, headHash, at }: AnchorStatement): Buffer {
  return Buffer.from(JSON.stringify({ seq, headHash, at }), 'utf8');
}

export function signAnchor(head: ChainHead, at: Date, key: KeyObject): SignedAnchor {
  const statement: AnchorStatement = { seq: head.seq, headHash: head.hash, at: at.toISOString() };
  return {
    ...statement,
    keyId: anchorKeyId(key),
    signature: sign(null, statementBytes(statement), key).toString('base64url'),
  };
}

export function anchorSignatureValid(anchor: SignedAnchor, key: KeyObject): boolean {
  try {
    return verify(null, statementBytes(anchor), key, Buffer.from(anchor.signature, 'base64url'));
  } catch {
    return false;
  }
}

export type AnchorFinding =
  /** An anchor whose signature does not verify with the configured key: ignored, and reported. */
  | { kind: 'ANCHOR_FORGED'; seq: string; at: string }
  /** The chain now ends before a position an anchor attested: entries were deleted from the tail. */
  | { kind: 'TRUNCATED'; anchorSeq: string; headSeq: string; at: string }
  /** The entry at an anchored position no longer has the anchored hash: the chain was rewritten. */
  | { kind: 'ANCHOR_MISMATCH'; seq: string; expected: string; found: string[]; at: string };

/**
 * The chain in the database against the anchors: every validly signed anchor's position must
 * still be in the chain with the hash it had. `hashesAt` gives the hashes stored at a position
 * (none when it is gone).
 */
export async function checkAgainstAnchors(
  head: ChainHead,
  anchors: readonly SignedAnchor[],
  key: KeyObject,
  hashesAt: (seq: string) => Promise<string[]>,
): Promise<{ checked: number; findings: AnchorFinding[] }> {
  const findings: AnchorFinding[] = [];
  let checked = 0;
  for (const anchor of anchors) {
    if (!anchorSignatureValid(anchor, key)) {
      findings.push({ kind: 'ANCHOR_FORGED', seq: anchor.seq, at: anchor.at });
      continue;
    }
    checked++;
    if (BigInt(anchor.seq) === 0n) continue;
    if (BigInt(head.seq) < BigInt(anchor.seq)) {
      findings.push({ kind: 'TRUNCATED', anchorSeq: anchor.seq, headSeq: head.seq, at: anchor.at });
      continue;
    }
    const found = await hashesAt(anchor.seq);
    if (!found.includes(anchor.headHash)) {
      findings.push({ kind: 'ANCHOR_MISMATCH', seq: anchor.seq, expected: anchor.headHash, found, at: anchor.at });
    }
  }
  return { checked, findings };
}

export function describeAnchorFinding(finding: AnchorFinding): string {
  switch (finding.kind) {
    case 'ANCHOR_FORGED':
      return `JANGKAR    urutan ${finding.seq} (${finding.at}): tanda tangan tidak sah, diabaikan`;
    case 'TRUNCATED':
      return `TERPOTONG  rantai berakhir di urutan ${finding.headSeq}, padahal jangkar ${finding.at} mencatat urutan ${finding.anchorSeq}`;
    case 'ANCHOR_MISMATCH':
      return `DITULIS ULANG entri urutan ${finding.seq} tidak lagi ber-hash seperti yang dijangkarkan pada ${finding.at}`;
  }
}
