import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessActorType } from '#lib/contracts';
import {
  ACCESS_LOG_BATCH_VERSION,
  ACCESS_LOG_COMPACT_BATCH_VERSION,
  batchHash,
  batchItemsJson,
  compactBatchHash,
  compactBatchItemsJson,
  entryHash,
  type AccessLogBatchContent,
  type AccessLogCompactBatchContent,
  type AccessLogRowContent,
  type ChainHead,
} from './access-log-chain.js';
import type { AuditRow } from './access-log-audit.js';

export interface AccessLogRow {
  at: Date;
  actor_name: string;
  actor_type: AccessActorType;
  purpose: string;
  fields: string[];
}

/** An access-log row as stored, chain columns included (what the audit reads). */
export interface StoredAccessLogRow {
  id: string;
  seq: string;
  version: number;
  prev_hash: string;
  hash: string;
  subject_nik: string | null;
  at: Date;
  actor_type: string;
  actor_id: string;
  actor_name: string;
  purpose: string | null;
  fields: string[] | null;
  endpoint: string;
  correlation_id: string | null;
  request_id: string | null;
  subject_niks: string[] | null;
  purposes: string[] | null;
  item_fields: string[] | null;
  request_ids: string[] | null;
}

const UNKNOWN_ACCOUNT = 'Akun tidak dikenal';

/**
 * The batch rows naming the NIK $1 (16 digits, validated by the caller), as the partial GIN index
 * `access_log_subject_numbers_idx` (migration AccessLogCompactBatchRows) can find them: by the
 * NIKs as bigint, whose comparisons cost less than text's under the database's collation.
 */
const BATCH_ROWS_OF_SUBJECT = `l.version >= 2 AND (l.subject_niks::bigint[]) @> ARRAY[$1::bigint]`;

/**
 * Appends chained rows if the head is still the one they were chained after ($3, $4), and moves
 * it to $1, $2 — both or neither, in one statement. The rows come as one JSON text ($5), read
 * by `json_to_recordset` (plain json: parsed once, no jsonb built; JSON.stringify is the
 * cheapest way to hand PostgreSQL thousands of rows from JavaScript — node-pg's array
 * parameters cost five times as much per row, measured). A batch row (version 2) brings its
 * checks as JSON arrays, read straight into its text[] and uuid[] columns.
 */
const APPEND_STATEMENT = `
  WITH head AS (
    UPDATE access_log_head SET seq = $1::bigint, hash = $2
     WHERE id = 1 AND seq = $3::bigint AND hash = $4
     RETURNING 1),
  written AS (
    INSERT INTO access_log (seq, version, subject_nik, at, actor_type, actor_id, actor_name, purpose, fields,
                            endpoint, correlation_id, request_id, subject_niks, purposes, item_fields, request_ids,
                            prev_hash, hash)
    SELECT r.seq, r.version, r.subject_nik, r.at, r.actor_type, r.actor_id, r.actor_name, r.purpose, r.fields,
           r.endpoint, r.correlation_id, r.request_id, r.subject_niks, r.purposes, r.item_fields, r.request_ids,
           r.prev_hash, r.hash
      FROM head,
           json_to_recordset($5::json) AS r(
             seq bigint, version smallint, subject_nik char(16), at timestamptz, actor_type varchar, actor_id uuid,
             actor_name varchar, purpose varchar, fields text[], endpoint varchar, correlation_id varchar,
             request_id uuid, subject_niks text[], purposes text[], item_fields text[], request_ids uuid[],
             prev_hash char(64), hash char(64))
    RETURNING 1)
  SELECT count(*)::int AS written FROM written`;

/**
 * Chains entries after `head` and lays them out as the parameters of APPEND_STATEMENT, in one
 * pass (this runs per NIK checked).
 */
function chainRows(
  head: ChainHead,
  entries: readonly AccessLogRowContent[],
): { parameters: unknown[]; head: ChainHead } {
  let seq = BigInt(head.seq);
  let prevHash = head.hash;
  const rows = new Array<string>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    seq += 1n;
    const link = String(seq);
    if (entry.version === ACCESS_LOG_COMPACT_BATCH_VERSION) {
      // The arrays are serialized once, for the hash and for the row.
      const items = compactBatchItemsJson(entry.items);
      const hash = compactBatchHash(link, prevHash, entry, items);
      rows[i] = batchRowJson(link, prevHash, hash, entry, {
        request_id: entry.requestId,
        subject_niks: items[0],
        purposes: items[1],
        item_fields: items[2],
      });
      prevHash = hash;
      continue;
    }
    if (entry.version === ACCESS_LOG_BATCH_VERSION) {
      // Written by earlier versions of this service only; kept for the tests of the audit.
      const items = batchItemsJson(entry.items);
      const hash = batchHash(link, prevHash, entry, items);
      rows[i] = batchRowJson(link, prevHash, hash, entry, {
        subject_niks: items[0],
        purposes: items[1],
        item_fields: items[2],
        request_ids: items[3],
      });
      prevHash = hash;
      continue;
    }
    const hash = entryHash(link, prevHash, entry);
    rows[i] = JSON.stringify({
      seq: link,
      version: 1,
      subject_nik: entry.subjectNik,
      at: entry.at,
      actor_type: entry.actorType,
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      purpose: entry.purpose,
      fields: entry.fields,
      endpoint: entry.endpoint,
      correlation_id: entry.correlationId,
      request_id: entry.requestId,
      prev_hash: prevHash,
      hash,
    });
    prevHash = hash;
  }
  const next: ChainHead = { seq: String(seq), hash: prevHash };
  return { parameters: [next.seq, next.hash, head.seq, head.hash, `[${rows.join(',')}]`], head: next };
}

/**
 * A batch row of APPEND_STATEMENT as JSON: its common columns, `request_id` as a string, and the
 * item arrays' JSON texts (`arrays`, already serialized for the hash) spliced in as they are.
 */
function batchRowJson(
  link: string,
  prevHash: string,
  hash: string,
  entry: AccessLogBatchContent | AccessLogCompactBatchContent,
  { request_id, ...arrays }: { request_id?: string } & Record<string, string>,
): string {
  const row = JSON.stringify({
    seq: link,
    version: entry.version,
    at: entry.at,
    actor_type: entry.actorType,
    actor_id: entry.actorId,
    actor_name: entry.actorName,
    endpoint: entry.endpoint,
    correlation_id: entry.correlationId,
    request_id,
    prev_hash: prevHash,
    hash,
  });
  let spliced = row.slice(0, -1);
  for (const [column, json] of Object.entries(arrays)) spliced += `,"${column}":${json}`;
  return `${spliced}}`;
}

/** A stored row as the chain hashed it, of any version. */
export function toChainedEntry(row: StoredAccessLogRow): AuditRow {
  const link = { id: row.id, seq: row.seq, prevHash: row.prev_hash, hash: row.hash };
  const common = {
    at: row.at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    endpoint: row.endpoint,
    correlationId: row.correlation_id,
  };
  if (row.version === ACCESS_LOG_COMPACT_BATCH_VERSION) {
    return {
      ...link,
      ...common,
      version: ACCESS_LOG_COMPACT_BATCH_VERSION,
      requestId: row.request_id ?? '',
      items: { subjectNiks: row.subject_niks ?? [], purposes: row.purposes ?? [], fields: row.item_fields ?? [] },
    };
  }
  if (row.version === ACCESS_LOG_BATCH_VERSION) {
    return {
      ...link,
      ...common,
      version: ACCESS_LOG_BATCH_VERSION,
      items: {
        subjectNiks: row.subject_niks ?? [],
        purposes: row.purposes ?? [],
        fields: row.item_fields ?? [],
        requestIds: row.request_ids ?? [],
      },
    };
  }
  return {
    ...link,
    ...common,
    subjectNik: row.subject_nik ?? '',
    purpose: row.purpose ?? '',
    fields: row.fields ?? [],
    requestId: row.request_id,
  };
}

@Injectable()
export class AccessLogRepository {
  constructor(private readonly db: DataSource) {}

  /** The display names of accounts, copied into the log so that it still says who it was later. */
  async actorNames(accountIds: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>(accountIds.map((id) => [id, UNKNOWN_ACCOUNT]));
    if (accountIds.length === 0) return names;
    const rows = await this.db.query<Array<{ id: string; name: string | null }>>(
      `SELECT id, COALESCE(full_name, username) AS name FROM account WHERE id = ANY($1::uuid[])`,
      [accountIds],
    );
    for (const row of rows) if (row.name !== null) names.set(row.id, row.name);
    return names;
  }

  /**
   * Appends entries after `expected`, the head the caller believes is current, in one statement
   * (one round trip, its own transaction): the head row moves only if it is still `expected`, and
   * the rows go in only if it moved. The entries are chained at once (the new head is returned
   * right away, so a next write can be chained after it while this one commits) and the head's
   * row lock is held only while the rows are inserted and committed. `written` resolves true once
   * durable, false when the head was elsewhere (another writer appended first): then nothing was
   * written, and the caller chains again after the real head (`appendChained`).
   */
  appendAfter(
    expected: ChainHead,
    entries: readonly AccessLogRowContent[],
  ): { head: ChainHead; written: Promise<boolean> } {
    if (entries.length === 0) return { head: expected, written: Promise.resolve(true) };
    const chained = chainRows(expected, entries);
    const written = this.db
      .query<Array<{ written: number }>>(APPEND_STATEMENT, chained.parameters)
      .then((rows) => rows[0]?.written === entries.length);
    return { head: chained.head, written };
  }

  /**
   * Appends entries at the end of the chain in one transaction, whatever the head is: the head's
   * row lock is taken first (writers of other replicas wait for it, briefly), the entries are
   * chained after it and written with the same statement as `appendAfter`. Returns the new head
   * once the commit is durable.
   */
  async appendChained(entries: readonly AccessLogRowContent[]): Promise<ChainHead> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const heads = (await runner.query(
        `SELECT seq::text AS seq, hash FROM access_log_head WHERE id = 1 FOR UPDATE`,
      )) as ChainHead[];
      if (entries.length === 0) {
        await runner.commitTransaction();
        return heads[0];
      }
      const chained = chainRows(heads[0], entries);
      const rows = (await runner.query(APPEND_STATEMENT, chained.parameters)) as Array<{ written: number }>;
      if (rows[0]?.written !== entries.length) throw new Error('The access-log head moved while it was locked');
      await runner.commitTransaction();
      return chained.head;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Reads of one person's record, newest first: their own rows (version 1) and, one line per
   * check of their NIK, the batch rows that name it (versions 2 and 3, found by the GIN index on
   * the NIKs as numbers; a version-3 row may hold one purpose and field list for all its items).
   * Within a batch, later items come first, as later single checks do.
   */
  async listForSubject(nik: string, limit: number, offset: number): Promise<{ rows: AccessLogRow[]; total: number }> {
    const [rows, counts] = await Promise.all([
      this.db.query<AccessLogRow[]>(
        `SELECT at, actor_name, actor_type, purpose, fields FROM (
           SELECT l.at, l.id, 0 AS item, l.actor_name, l.actor_type, l.purpose, l.fields
             FROM access_log l WHERE l.subject_nik = $1
           UNION ALL
           SELECT l.at, l.id, i.item, l.actor_name, l.actor_type,
                  l.purposes[CASE WHEN cardinality(l.purposes) = 1 THEN 1 ELSE i.item END],
                  string_to_array(
                    NULLIF(l.item_fields[CASE WHEN cardinality(l.item_fields) = 1 THEN 1 ELSE i.item END], ''), ',')
             FROM access_log l
            CROSS JOIN LATERAL unnest(l.subject_niks) WITH ORDINALITY AS i(nik, item)
            WHERE ${BATCH_ROWS_OF_SUBJECT} AND i.nik = $1::text
         ) lines
         ORDER BY at DESC, id DESC, item DESC LIMIT $2 OFFSET $3`,
        [nik, limit, offset],
      ),
      this.db.query<Array<{ total: string }>>(
        `SELECT (SELECT count(*) FROM access_log WHERE subject_nik = $1)
              + (SELECT count(*) FROM access_log l CROSS JOIN LATERAL unnest(l.subject_niks) AS i(nik)
                  WHERE ${BATCH_ROWS_OF_SUBJECT} AND i.nik = $1::text) AS total`,
        [nik],
      ),
    ]);
    for (const row of rows) row.fields ??= [];
    return { rows, total: Number(counts[0]?.total ?? 0) };
  }

  async readHead(): Promise<ChainHead> {
    const rows = await this.db.query<ChainHead[]>(`SELECT seq::text AS seq, hash FROM access_log_head WHERE id = 1`);
    return rows[0];
  }

  /** The next page of the log in chain order, after (seq, id). */
  async pageInChainOrder(after: { seq: string; id: string }, limit: number): Promise<AuditRow[]> {
    const rows = await this.db.query<StoredAccessLogRow[]>(
      `SELECT id::text AS id, seq::text AS seq, version, prev_hash, hash, subject_nik, at, actor_type, actor_id,
              actor_name, purpose, fields, endpoint, correlation_id, request_id, subject_niks, purposes,
              item_fields, request_ids::text[] AS request_ids
         FROM access_log l WHERE (l.seq, l.id) > ($1::bigint, $2::bigint) ORDER BY l.seq, l.id LIMIT $3`,
      [after.seq, after.id, limit],
    );
    return rows.map(toChainedEntry);
  }
}
