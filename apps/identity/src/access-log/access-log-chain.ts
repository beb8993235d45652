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

/**
 * The hashed form of a row, bumped when it changes; entries keep the version they were written
 * with. 1: one read of one person's record. 2: one batch call (`POST /verifications/batch`), its
 * checks as parallel arrays in one row, hashed once.
 */
const ENTRY_VERSION = 1;
const BATCH_VERSION = 2;

/** Version 1: one read of one person's record. */
export interface AccessLogContent {
  version?: typeof ENTRY_VERSION;
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

/**
 * The checks of one batch call, item by item in the order asked: parallel arrays of plain
 * strings (no object per check), stored as they are (text[], uuid[]).
 */
export interface AccessLogBatchItems {
  subjectNiks: readonly string[];
  purposes: readonly string[];
  /** The fields compared for each item, comma-separated in the API's order ('' for none). */
  fields: readonly string[];
  requestIds: readonly string[];
}

/** Version 2: one batch call of an agency, every check of it in one row. */
export interface AccessLogBatchContent {
  version: typeof BATCH_VERSION;
  at: Date;
  actorType: string;
  actorId: string;
  actorName: string;
  endpoint: string;
  correlationId: string | null;
  items: AccessLogBatchItems;
}

/** What a row of the chain holds, of either version. */
export type AccessLogRowContent = AccessLogContent | AccessLogBatchContent;

export const ACCESS_LOG_BATCH_VERSION = BATCH_VERSION;

export interface ChainLink {
  /** 1, 2, 3, … (text: PostgreSQL bigint). */
  seq: string;
  prevHash: string;
  hash: string;
}

export type ChainedEntry = AccessLogRowContent & ChainLink;

export interface ChainHead {
  seq: string;
  hash: string;
}

/** The hash of an entry at its place in the chain. */
export function entryHash(seq: string, prevHash: string, entry: AccessLogRowContent): string {
  if (entry.version === BATCH_VERSION) return batchHash(seq, prevHash, entry);
  const canonical = JSON.stringify([
    ENTRY_VERSION,
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

/** A batch row's item arrays as JSON texts, in the order they are hashed and stored. */
export function batchItemsJson(items: AccessLogBatchItems): [string, string, string, string] {
  return [
    JSON.stringify(items.subjectNiks),
    JSON.stringify(items.purposes),
    JSON.stringify(items.fields),
    JSON.stringify(items.requestIds),
  ];
}

/**
 * A batch row: one JSON text and one SHA-256 for all its checks. `itemsJson` (batchItemsJson)
 * lets the writer serialize the arrays once for the hash and the row it sends; the text hashed
 * is JSON.stringify of [version, seq, prevHash, at, actor…, endpoint, correlationId, the four
 * arrays]. A row whose arrays differ in length cannot be read item by item: it gets no valid hash
 * (the audit reports it), and the writer and the table's CHECK refuse to write one.
 */
export function batchHash(
  seq: string,
  prevHash: string,
  entry: AccessLogBatchContent,
  itemsJson: readonly string[] = batchItemsJson(entry.items),
): string {
  const { subjectNiks, purposes, fields, requestIds } = entry.items;
  const n = subjectNiks.length;
  if (n === 0 || purposes.length !== n || fields.length !== n || requestIds.length !== n) {
    return 'malformed batch entry: item arrays of unequal length';
  }
  const head = JSON.stringify([
    BATCH_VERSION,
    seq,
    prevHash,
    entry.at.toISOString(),
    entry.actorType,
    entry.actorId,
    entry.actorName,
    entry.endpoint,
    entry.correlationId,
  ]);
  const canonical = `${head.slice(0, -1)},${itemsJson.join(',')}]`;
  return createHash('sha256').update(canonical).digest('hex');
}

/** Chains new entries after `head`; returns them with their links and the new head. */
export function chainAfter(
  head: ChainHead,
  entries: readonly AccessLogRowContent[],
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
