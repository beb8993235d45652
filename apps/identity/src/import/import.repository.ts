import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient, QueryResult } from 'pg';
import copyStreams from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { ImportRejection } from '#lib/contracts';
import { DomainError } from '#lib/domain';
import { STAGE_COLUMNS } from './chunk-check.js';

export interface ImportSessionRow {
  id: string;
  account_id: string;
  columns: string[];
  next_seq: number;
  finished_at: Date | null;
}

export interface ImportCounts {
  imported: number;
  updated: number;
  rejected: number;
}

/** A chunk staged now, or one staged before (sent twice: it counts once). */
export type ChunkOutcome = { staged: true } | { staged: false };

/** A chunk's rows to stage, as lines of COPY text (chunk-check.ts), and its rejected lines. */
export interface ChunkToStage {
  /** Some row has no postal code (a SIAK export): the merge supplies them. */
  withoutPostalCode: boolean;
  copyLines: readonly string[];
  rejections: readonly ImportRejection[];
}

const POSTAL_CODE_UNKNOWN =
  'Ekspor SIAK tidak memuat kode pos dan belum ada keluarga terdaftar di desa/kelurahan ini: tambahkan kolom "Kode Pos"';

const PERSON_VALUES = `full_name, sex, birth_place, birth_date, religion, education, occupation, blood_type,
  marital_status, marriage_date, citizenship, passport_number, kitap_number, father_name, mother_name, status`;
const FAMILY_VALUES = `address, rt, rw, village_code, regency_code, postal_code`;

function prefixed(columns: string, alias: string): string {
  return columns
    .split(',')
    .map((column) => `${alias}.${column.trim()}`)
    .join(', ');
}

/** An import session's id as identity makes them (randomUUID). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The session id as an SQL literal: only ever a UUID (checked here), so it needs no quoting beyond this. */
function sessionLiteral(importId: string): string {
  if (!UUID.test(importId)) throw new DomainError('IMPORT.NOT_FOUND', 'Sesi impor tidak ditemukan');
  return `'${importId}'::uuid`;
}

/**
 * The merge sorts a session's rows by NIK (and its families by No. KK) once each; in memory
 * they take ≈ 400 bytes a row, and a sort that spills to disk costs twice as long.
 */
const MERGE_WORK_MEM = '512MB';

/**
 * What the merge tells the planner a row handed from a parallel worker to the leader costs
 * (default 0.1). At the default, sorting a session's million staged rows by NIK and by No. KK is
 * planned in one process once `import_stage` has statistics that count them (before it has any,
 * the planner guesses few rows and splits the sort anyway); at this cost each sort is split over
 * PostgreSQL's parallel workers (max_parallel_workers_per_gather, 2 by default) either way: both
 * sorts took 5.5–6.0 s in one process and 3.5–4.4 s split (1M rows). Only the merge's own
 * statements see it. Each process of a parallel sort may take MERGE_WORK_MEM: a session of many
 * millions of rows holds up to three times that while it sorts.
 */
const MERGE_PARALLEL_TUPLE_COST = 0.01;

/**
 * Import sessions, their staged rows and the one merge of a session into the registry. A chunk
 * is staged in one transaction of its own (its rows COPied into `import_stage`, its rejections,
 * its `import_chunk` record), in parallel with the other chunks of its session and in any order;
 * `finish` merges the whole session in one transaction (the session row locked first, so a
 * second finish waits and then only reads the counts), the latest line of a NIK winning.
 */
@Injectable()
export class ImportRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Where the registry has these people and families now: the regency of each NIK's current
   * family and of each existing KK (those not in the registry are missing).
   */
  async currentRegencies(
    niks: readonly string[],
    familyCardNumbers: readonly string[],
  ): Promise<{ byNik: Map<string, string>; byFamily: Map<string, string> }> {
    const [people, families] = await Promise.all([
      niks.length === 0
        ? []
        : this.db.query<Array<{ nik: string; regency_code: string }>>(
            `SELECT m.nik, f.regency_code FROM family_membership m
               JOIN family f ON f.family_card_number = m.family_card_number
              WHERE m.nik = ANY($1::char(16)[]) AND m.left_at IS NULL`,
            [niks],
          ),
      familyCardNumbers.length === 0
        ? []
        : this.db.query<Array<{ family_card_number: string; regency_code: string }>>(
            `SELECT family_card_number, regency_code FROM family WHERE family_card_number = ANY($1::char(16)[])`,
            [familyCardNumbers],
          ),
    ]);
    return {
      byNik: new Map(people.map((row) => [row.nik, row.regency_code])),
      byFamily: new Map(families.map((row) => [row.family_card_number, row.regency_code])),
    };
  }

  async createSession(id: string, accountId: string, columns: readonly string[]): Promise<void> {
    // An upload lasts minutes: rows staged a day ago belong to one that broke off (the gateway or
    // identity went down, or the client gave up) and will never be merged.
    await this.db.query(
      `DELETE FROM import_stage WHERE import_id IN (SELECT id FROM import_session WHERE started_at < now() - interval '1 day')`,
    );
    await this.db.query(`DELETE FROM import_session WHERE started_at < now() - interval '7 days'`);
    await this.db.query(`INSERT INTO import_session (id, account_id, columns) VALUES ($1, $2, $3::text[])`, [
      id,
      accountId,
      columns,
    ]);
  }

  async findSession(id: string): Promise<ImportSessionRow | undefined> {
    const rows = await this.db.query<ImportSessionRow[]>(
      `SELECT id, account_id, columns, next_seq, finished_at FROM import_session WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /**
   * Stages one chunk: its valid rows into `import_stage`, its rejections, and its record in
   * `import_chunk`, in one transaction. Chunks of a session do not wait for each other (the
   * session row is only share-locked, so that a finish waits for the chunks being staged).
   */
  async stageChunk(importId: string, seq: number, chunk: ChunkToStage): Promise<ChunkOutcome> {
    const { rejections } = chunk;
    const session = sessionLiteral(importId);
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      const results = (await client.query(
        `BEGIN; SELECT finished_at IS NOT NULL AS finished FROM import_session WHERE id = ${session} FOR SHARE`,
      )) as unknown as QueryResult[];
      const locked = results[1].rows[0] as { finished: boolean } | undefined;
      if (locked === undefined) throw new DomainError('IMPORT.NOT_FOUND', 'Sesi impor tidak ditemukan');
      if (locked.finished) throw new DomainError('IMPORT.OUT_OF_ORDER', 'Sesi impor ini sudah selesai');
      // The chunk's record first: a second copy of this chunk waits here for the first to commit
      // and then stages nothing. The rejections go in the same statement.
      const recorded = await client.query<{ seq: number }>(
        `WITH chunk AS (
           INSERT INTO import_chunk (import_id, seq, staged, without_postal_code) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING seq),
         rejected AS (
           INSERT INTO import_rejection (import_id, line, errors)
           SELECT $1, r.line, r.errors FROM unnest($5::int[], $6::jsonb[]) AS r(line, errors)
            WHERE EXISTS (SELECT 1 FROM chunk)
           ON CONFLICT DO NOTHING)
         SELECT seq FROM chunk`,
        [
          importId,
          seq,
          chunk.copyLines.length,
          chunk.withoutPostalCode,
          rejections.map((r) => r.line),
          rejections.map((r) => JSON.stringify(r.errors)),
        ],
      );
      if (recorded.rows.length === 0) {
        await client.query('ROLLBACK');
        return { staged: false };
      }
      if (chunk.copyLines.length > 0) {
        const copy = client.query(
          copyStreams.from(`COPY import_stage (import_id, ${STAGE_COLUMNS.join(', ')}) FROM STDIN`),
        );
        const prefix = `${importId}\t`;
        let data = '';
        for (const line of chunk.copyLines) data += prefix + line;
        await pipeline(Readable.from([data]), copy);
      }
      await client.query('COMMIT');
      return { staged: true };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Merges a session's staged rows into the registry and closes it, in one transaction; a
   * session already closed only gives its counts. `chunks`: how many the sender sent; every
   * one of them must have been staged (and none beyond), and every row they staged must still
   * be there (an unlogged table is emptied by a crash of PostgreSQL), or nothing is merged.
   */
  async finish(importId: string, chunks: number | undefined): Promise<ImportCounts> {
    const session = sessionLiteral(importId);
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      const results = (await client.query(
        `BEGIN; SELECT finished_at IS NOT NULL AS finished, imported, updated, rejected
                  FROM import_session WHERE id = ${session} FOR UPDATE`,
      )) as unknown as QueryResult[];
      const locked = results[1].rows[0] as (ImportCounts & { finished: boolean }) | undefined;
      if (locked === undefined) throw new DomainError('IMPORT.NOT_FOUND', 'Sesi impor tidak ditemukan');
      if (locked.finished) {
        await client.query('COMMIT');
        return { imported: locked.imported, updated: locked.updated, rejected: locked.rejected };
      }
      const received = (
        await client.query<{ count: number; next: number; staged: number; without_postal_code: boolean }>(
          `SELECT count(*)::int AS count, coalesce(max(seq) + 1, 0)::int AS next,
                  coalesce(sum(staged), 0)::int AS staged, coalesce(bool_or(without_postal_code), false) AS without_postal_code
             FROM import_chunk WHERE import_id = ${session}`,
        )
      ).rows[0];
      const expected = chunks ?? received.next;
      if (received.count !== expected || received.next !== expected) {
        throw new DomainError(
          'IMPORT.OUT_OF_ORDER',
          `Baru ${received.count} dari ${expected} bagian berkas yang diterima; unggah ulang berkasnya`,
        );
      }
      const counts = await this.merge(client, session, received.staged, received.without_postal_code);
      const closed = (await client.query(
        `DELETE FROM import_stage WHERE import_id = ${session};
         UPDATE import_session SET finished_at = now(), next_seq = ${expected}, imported = ${counts.imported},
                updated = ${counts.updated}, rejected = (SELECT count(*) FROM import_rejection WHERE import_id = ${session})
          WHERE id = ${session} RETURNING rejected;
         COMMIT`,
      )) as unknown as QueryResult[];
      return { ...counts, rejected: (closed[1].rows[0] as { rejected: number }).rejected };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if ((error as { code?: string }).code === '23505') {
        // Another session (or a registration) inserted one of these people or families meanwhile:
        // nothing of this merge stays, and the next finish merges over what that one wrote.
        throw new DomainError(
          'IMPORT.OUT_OF_ORDER',
          'Penduduk atau KK yang sama sedang disimpan oleh proses lain; kirim ulang berkasnya',
        );
      }
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Upserts a session's staged rows, set-based: families by No. KK and people by NIK, each from
   * the latest line that names them; memberships closed where the family or relationship
   * changed and opened where a person has none. Returns how many people were new and how many
   * rows were merged over existing people.
   */
  private async merge(
    client: PoolClient,
    session: string,
    staged: number,
    withoutPostalCode: boolean,
  ): Promise<{ imported: number; updated: number }> {
    const statements: string[] = [
      `SET LOCAL work_mem = '${MERGE_WORK_MEM}'`,
      `SET LOCAL parallel_tuple_cost = ${MERGE_PARALLEL_TUPLE_COST}`,
    ];
    let source = `(SELECT * FROM import_stage WHERE import_id = ${session}) s`;
    let removedAt = -1;
    let stagedAt = -1;
    if (withoutPostalCode) {
      // SIAK's export has no postal code: a family keeps the one it has; a new family takes the
      // one the file gives it on another line, or else the one its village's families have in
      // the registry or in the file (one kode pos per desa/kelurahan). A row for which none of
      // these exists cannot be stored (a family's postal code is required) and is rejected.
      stagedAt = statements.length;
      statements.push(
        `CREATE TEMP TABLE import_rows ON COMMIT DROP AS SELECT * FROM import_stage WHERE import_id = ${session}`,
        `UPDATE import_rows s SET postal_code = f.postal_code FROM family f
          WHERE s.postal_code IS NULL AND f.family_card_number = s.family_card_number`,
        `UPDATE import_rows s SET postal_code = g.postal_code
           FROM (SELECT DISTINCT ON (family_card_number) family_card_number, postal_code FROM import_rows
                  WHERE postal_code IS NOT NULL ORDER BY family_card_number, line DESC) g
          WHERE s.postal_code IS NULL AND g.family_card_number = s.family_card_number`,
        `WITH villages AS (SELECT DISTINCT regency_code, village_code FROM import_rows WHERE postal_code IS NULL),
         known AS (
           SELECT f.village_code, f.postal_code FROM family f
             JOIN villages v ON f.regency_code = v.regency_code AND f.village_code = v.village_code
           UNION ALL
           (SELECT DISTINCT ON (r.family_card_number) r.village_code, r.postal_code FROM import_rows r
              JOIN villages v ON r.regency_code = v.regency_code AND r.village_code = v.village_code
             WHERE r.postal_code IS NOT NULL ORDER BY r.family_card_number, r.line DESC)),
         usual AS (
           SELECT DISTINCT ON (village_code) village_code, postal_code FROM known
            GROUP BY village_code, postal_code ORDER BY village_code, count(*) DESC, postal_code)
         UPDATE import_rows s SET postal_code = u.postal_code FROM usual u
          WHERE s.postal_code IS NULL AND u.village_code = s.village_code`,
      );
      removedAt = statements.length;
      statements.push(`DELETE FROM import_rows WHERE postal_code IS NULL RETURNING line`);
      source = 'import_rows s';
    }

    // The latest line of each NIK, once: the person, the membership and the counts read it.
    // (Sorted by NIK and No. KK under the "C" collation: both are digits, ordered alike under
    // any collation and so as their indexes are, and a "C" sort compares bytes, a third faster
    // than the database's C.UTF-8.)
    statements.push(
      `CREATE TEMP TABLE import_latest ON COMMIT DROP AS
         SELECT DISTINCT ON (nik COLLATE "C") nik, family_card_number, relationship, ${PERSON_VALUES}
           FROM ${source} ORDER BY nik COLLATE "C", line DESC`,
      `ANALYZE import_latest`,
    );
    const mergedAt = statements.length;
    statements.push(`SELECT count(*)::int AS merged FROM ${source}`);
    // The latest line of each No. KK, once. Families are upserted as people are below: an update
    // where a value changed, then a plain insert of the new ones (with ON CONFLICT's speculative
    // insertion, a first import's families took 4.1 s; now 2.9 s, their temporary table included).
    statements.push(
      `CREATE TEMP TABLE import_families ON COMMIT DROP AS
         SELECT DISTINCT ON (family_card_number COLLATE "C") family_card_number, ${FAMILY_VALUES}
           FROM ${source} ORDER BY family_card_number COLLATE "C", line DESC`,
      `UPDATE family f SET (${FAMILY_VALUES}, updated_at) = (${prefixed(FAMILY_VALUES, 'l')}, now())
         FROM import_families l
        WHERE f.family_card_number = l.family_card_number
          AND (${prefixed(FAMILY_VALUES, 'f')}) IS DISTINCT FROM (${prefixed(FAMILY_VALUES, 'l')})`,
      `INSERT INTO family (family_card_number, ${FAMILY_VALUES})
       SELECT family_card_number, ${FAMILY_VALUES} FROM import_families l
        WHERE NOT EXISTS (SELECT 1 FROM family f WHERE f.family_card_number = l.family_card_number)`,
    );
    // People already in the registry are updated where a value changed, then the new ones are
    // inserted: a plain insert, without ON CONFLICT's speculative insertion per row, which cost
    // a first import 40 % more time in this statement (EXPLAIN ANALYZE, 1M rows).
    // The inserts below read the temporary tables in the order they were written, sorted by the
    // key (a new temporary table is read from its first page to its last, and an anti-join keeps
    // the order of the rows it filters), so that each index is appended to rather than split all
    // over; sorting them again cost a first import ≈ 1.3 s for people alone. The order is only
    // a matter of speed, never of what is stored.
    statements.push(`
      UPDATE person p SET (${PERSON_VALUES}, updated_at) = (${prefixed(PERSON_VALUES, 'l')}, now())
        FROM import_latest l
       WHERE p.nik = l.nik AND (${prefixed(PERSON_VALUES, 'p')}) IS DISTINCT FROM (${prefixed(PERSON_VALUES, 'l')})`);
    const insertedAt = statements.length;
    statements.push(`
      INSERT INTO person (nik, ${PERSON_VALUES})
      SELECT nik, ${PERSON_VALUES} FROM import_latest l
       WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.nik = l.nik)`);
    // A membership that changed (another family, another relationship) is closed and a new
    // one opened, so the family as it was stays on record.
    statements.push(`
      UPDATE family_membership m SET left_at = now() FROM import_latest l
       WHERE m.nik = l.nik AND m.left_at IS NULL
         AND (m.family_card_number <> l.family_card_number OR m.relationship <> l.relationship)`);
    statements.push(`
      INSERT INTO family_membership (family_card_number, nik, relationship, joined_at)
      SELECT l.family_card_number, l.nik, l.relationship, now() FROM import_latest l
       WHERE NOT EXISTS (SELECT 1 FROM family_membership m WHERE m.nik = l.nik AND m.left_at IS NULL)`);
    const results = (await client.query(statements.join(';\n'))) as unknown as QueryResult[];
    if (removedAt >= 0) {
      const lines = (results[removedAt].rows as Array<{ line: number }>).map((row) => row.line);
      if (lines.length > 0) {
        await client.query(
          `INSERT INTO import_rejection (import_id, line, errors)
           SELECT ${session}, line, $2::jsonb FROM unnest($1::int[]) AS line ON CONFLICT DO NOTHING`,
          [lines, JSON.stringify([{ field: 'Kode Pos', message: POSTAL_CODE_UNKNOWN }])],
        );
      }
    }
    const merged = (results[mergedAt].rows[0] as { merged: number }).merged;
    const inserted = results[insertedAt].rowCount ?? 0;
    const found = removedAt >= 0 ? (results[stagedAt].rowCount ?? 0) : merged;
    if (found !== staged) {
      // Rows staged and acknowledged are gone: PostgreSQL restarted and emptied the unlogged
      // staging table. Nothing of this session is merged; the file must come again.
      throw new DomainError(
        'IMPORT.OUT_OF_ORDER',
        'Sebagian baris yang sudah diterima hilang (basis data dimulai ulang); unggah ulang berkasnya',
      );
    }
    return { imported: inserted, updated: merged - inserted };
  }

  async listRejections(importId: string, afterLine: number, limit: number): Promise<ImportRejection[]> {
    return this.db.query<ImportRejection[]>(
      `SELECT line, errors FROM import_rejection WHERE import_id = $1 AND line > $2 ORDER BY line LIMIT $3`,
      [importId, afterLine, limit],
    );
  }
}
