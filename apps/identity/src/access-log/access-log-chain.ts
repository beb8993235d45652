import { createHash } from 'node:crypto';

/**
 * The access log is one hash chain: entry number `seq` commits to entry `seq - 1` through
 * `prevHash`, and to its own content through `hash`. Whoever edits a row, removes one or slips
 * one in breaks a link that `npm run audit:verify` finds; the chain head (last seq and hash,
 * kept in `access_log_head`) makes removing the newest entries show too.
 *
 * One global chain, written in batches (group commit, see AccessLogWriter): a whole batch is
 * chained in memory after the head its writer expects and written with one statement that
 * moves the head only if it is still that one, so the head's row lock is taken once per batch,
 * held only while the rows go in, and concurrent writers (replicas) queue for it or, when
 * another moved the head first, chain their batch again under it. Plain SHA-256: it shows tampering by anyone who does not also rewrite every later entry
 * and the head; anchoring the head outside the database (e.g. publishing it daily) closes that.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** Bumped if the hashed form ever changes; entries keep the version they were written with. */
const CHAIN_VERSION = 1;

export interface AccessLogContent {
  subjectNik: string;
  /** Millisecond precision: what a JavaScript Date carries, stored exactly by timestamptz. */
  at: Date;
  actorType: string;
  actorId: string;
  actorName: string;
  purpose: string;
  fields: readonly string[];
  endpoint: string;
  correlationId: string | null;
  requestId: string | null;
}

export interface ChainLink {
  /** 1, 2, 3, … (text: PostgreSQL bigint). */
  seq: string;
  prevHash: string;
  hash: string;
}

export type ChainedEntry = AccessLogContent & ChainLink;

export interface ChainHead {
  seq: string;
  hash: string;
}

/** The hash of an entry at its place in the chain. */
export function entryHash(seq: string, prevHash: string, entry: AccessLogContent): string {
  const canonical = JSON.stringify([
    CHAIN_VERSION,
    seq,
    prevHash,
    entry.subjectNik,
    entry.at.toISOString(),
    entry.actorType,
    entry.actorId,
    entry.actorName,
    entry.purpose,
    entry.fields,
    entry.endpoint,
    entry.correlationId,
    entry.requestId,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Chains new entries after `head`; returns them with their links and the new head. */
export function chainAfter(
  head: ChainHead,
  entries: readonly AccessLogContent[],
): { chained: ChainedEntry[]; head: ChainHead } {
  let seq = BigInt(head.seq);
  let prevHash = head.hash;
  const chained = entries.map((entry) => {
    seq += 1n;
    const link = String(seq);
    const hash = entryHash(link, prevHash, entry);
    const result = { ...entry, seq: link, prevHash, hash };
    prevHash = hash;
    return result;
  });
  return { chained, head: { seq: String(seq), hash: prevHash } };
}
