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
 * checks as parallel arrays in one row, hashed once. 3: a batch call as 2, written compactly: what
 * all its checks share once (the purpose, the fields compared) and one request id from which each
 * check's is derived (`batchRequestId`). The writer writes version 3; the audit and the resident's
 * view read all three.
 */
const ENTRY_VERSION = 1;
const BATCH_VERSION = 2;
const COMPACT_BATCH_VERSION = 3;

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

/** What a batch row of either version holds once for the whole call. */
interface AccessLogBatchCall {
  at: Date;
  actorType: string;
  actorId: string;
  actorName: string;
  endpoint: string;
  correlationId: string | null;
}

/** Version 2: one batch call of an agency, every check of it in one row. */
export interface AccessLogBatchContent extends AccessLogBatchCall {
  version: typeof BATCH_VERSION;
  items: AccessLogBatchItems;
}

/**
 * The checks of one batch call as version 3 stores them: the NIKs checked, item by item in the
 * order asked; `purposes` and `fields` hold one value per item, or one value for all of them.
 * Item k's request id is `batchRequestId(requestId, k)`.
 */
export interface AccessLogCompactBatchItems {
  subjectNiks: readonly string[];
  purposes: readonly string[];
  fields: readonly string[];
}

/** Version 3: one batch call of an agency, written compactly (see COMPACT_BATCH_VERSION). */
export interface AccessLogCompactBatchContent extends AccessLogBatchCall {
  version: typeof COMPACT_BATCH_VERSION;
  /** The first item's request id: the others are derived from it (`batchRequestId`). */
  requestId: string;
  items: AccessLogCompactBatchItems;
}

/** What a row of the chain holds, of any version. */
export type AccessLogRowContent = AccessLogContent | AccessLogBatchContent | AccessLogCompactBatchContent;

export const ACCESS_LOG_BATCH_VERSION = BATCH_VERSION;
export const ACCESS_LOG_COMPACT_BATCH_VERSION = COMPACT_BATCH_VERSION;

/** Items a version-3 row can hold: three hexadecimal digits of request id (≥ VERIFICATION_BATCH_MAX). */
export const COMPACT_BATCH_MAX_ITEMS = 0x1000;

/**
 * The request id of a batch row's item `k` (0-based, in the row's order): the first item's id
 * (a random UUID whose last three hex digits are 000) with its last three hex digits set to k.
 * Each id of the call stays a well-formed, unique UUID (118 random bits shared by the call).
 */
export function batchRequestId(first: string, k: number): string {
  return first.slice(0, 33) + HEX3[k];
}

/** A fresh first request id for a batch row: a random v4 UUID ending in 000. */
export function firstBatchRequestId(random: string): string {
  return `${random.slice(0, 33)}000`;
}

const HEX3 = Array.from({ length: COMPACT_BATCH_MAX_ITEMS }, (_, k) => k.toString(16).padStart(3, '0'));

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
  if (entry.version === COMPACT_BATCH_VERSION) return compactBatchHash(seq, prevHash, entry);
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
  return hashWithItems(batchHead(BATCH_VERSION, seq, prevHash, entry), itemsJson);
}

/** What a batch row of either version hashes before its own fields and arrays. */
function batchHead(version: number, seq: string, prevHash: string, entry: AccessLogBatchCall): unknown[] {
  return [
    version,
    seq,
    prevHash,
    entry.at.toISOString(),
    entry.actorType,
    entry.actorId,
    entry.actorName,
    entry.endpoint,
    entry.correlationId,
  ];
}

/** SHA-256 of JSON.stringify of `head` followed by the arrays, whose JSON texts are spliced in as they are. */
function hashWithItems(head: readonly unknown[], itemsJson: readonly string[]): string {
  const text = JSON.stringify(head);
  return createHash('sha256')
    .update(`${text.slice(0, -1)},${itemsJson.join(',')}]`)
    .digest('hex');
}

/** A version-3 row's item arrays as JSON texts, in the order they are hashed and stored. */
export function compactBatchItemsJson(items: AccessLogCompactBatchItems): [string, string, string] {
  return [JSON.stringify(items.subjectNiks), JSON.stringify(items.purposes), JSON.stringify(items.fields)];
}

/**
 * A version-3 row's hash: SHA-256 of JSON.stringify of [3, seq, prevHash, at, actor…, endpoint,
 * correlationId, requestId, the three arrays]. A row that cannot be read item by item (no NIK,
 * more than COMPACT_BATCH_MAX_ITEMS, a purpose or field list neither shared nor one per item, a
 * first request id not ending in 000) gets no valid hash, as in version 2.
 */
export function compactBatchHash(
  seq: string,
  prevHash: string,
  entry: AccessLogCompactBatchContent,
  itemsJson: readonly string[] = compactBatchItemsJson(entry.items),
): string {
  if (!wellFormedCompactBatch(entry)) return 'malformed batch entry: items cannot be read one by one';
  return hashWithItems([...batchHead(COMPACT_BATCH_VERSION, seq, prevHash, entry), entry.requestId], itemsJson);
}

/** Whether a version-3 row can be read item by item (what the table's CHECK also requires). */
export function wellFormedCompactBatch(entry: AccessLogCompactBatchContent): boolean {
  const { subjectNiks, purposes, fields } = entry.items;
  const n = subjectNiks.length;
  return (
    n > 0 &&
    n <= COMPACT_BATCH_MAX_ITEMS &&
    (purposes.length === 1 || purposes.length === n) &&
    (fields.length === 1 || fields.length === n) &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{9}000$/.test(entry.requestId)
  );
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
