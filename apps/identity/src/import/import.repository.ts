import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient, QueryResult } from 'pg';
import copyStreams from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { ImportRejection } from '#lib/contracts';
import { DomainError } from '#lib/domain';
import { copyLine } from './copy-text.js';
import type { ResidentRow } from './resident-row.js';

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

export type ChunkOutcome =
  | { applied: true; imported: number; updated: number }
  | { applied: false; waiting?: false }
  /** A later chunk came while an earlier one is still being applied: try again shortly. */
  | { applied: false; waiting: true };

/** How far ahead of the next expected chunk a chunk may arrive and wait for its turn. */
export const CHUNKS_AHEAD_ALLOWED = 2;

const STAGE_COLUMNS = [
  'line',
  'nik',
  'full_name',
  'sex',
  'birth_place',
  'birth_date',
  'religion',
  'education',
  'occupation',
  'blood_type',
  'marital_status',
  'marriage_date',
  'relationship',
  'citizenship',
  'passport_number',
  'kitap_number',
  'father_name',
  'mother_name',
  'status',
  'family_card_number',
  'address',
  'rt',
  'rw',
  'village_code',
  'regency_code',
  'postal_code',
];

const POSTAL_CODE_UNKNOWN =
  'Ekspor SIAK tidak memuat kode pos dan belum ada keluarga terdaftar di desa/kelurahan ini: tambahkan kolom "Kode Pos"';

function stageLine(row: ResidentRow): string {
  return copyLine([
    row.line,
    row.nik,
    row.fullName,
    row.sex,
    row.birthPlace,
    row.birthDate,
    row.religion,
    row.education,
    row.occupation,
    row.bloodType,
    row.maritalStatus,
    row.marriageDate,
    row.relationship,
    row.citizenship,
    row.passportNumber,
    row.kitapNumber,
    row.fatherName,
    row.motherName,
    row.status,
    row.familyCardNumber,
    row.address,
    row.rt,
    row.rw,
    row.villageCode,
    row.regencyCode,
    row.postalCode,
  ]);
}

const PERSON_VALUES = `full_name, sex, birth_place, birth_date, religion, education, occupation, blood_type,
  marital_status, marriage_date, citizenship, passport_number, kitap_number, father_name, mother_name, status`;
const FAMILY_VALUES = `address, rt, rw, village_code, regency_code, postal_code`;

function excluded(columns: string): string {
  return columns
    .split(',')
    .map((column) => `EXCLUDED.${column.trim()}`)
    .join(', ');
}

function assignments(columns: string): string {
  return columns
    .split(',')
    .map((column) => `${column.trim()} = EXCLUDED.${column.trim()}`)
    .join(', ');
}

/** An import session's id as identity makes them (randomUUID). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Import sessions and the bulk upsert of their rows. A chunk is applied in one transaction: its
 * rows are COPied into a temporary staging table and merged into people, families and
 * memberships by set operations; the session row, locked first, makes chunks of one import go
 * in order and makes a chunk sent twice count once.
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

  async applyChunk(
    importId: string,
    seq: number,
    rows: readonly ResidentRow[],
    rejections: readonly ImportRejection[],
  ): Promise<ChunkOutcome> {
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      const session = await this.beginAndLock(client, importId);
      if (session === undefined) throw new DomainError('IMPORT.NOT_FOUND', 'Sesi impor tidak ditemukan');
      if (session.finished) throw new DomainError('IMPORT.OUT_OF_ORDER', 'Sesi impor ini sudah selesai');
      if (seq < session.next_seq) {
        await client.query('ROLLBACK');
        return { applied: false };
      }
      if (seq > session.next_seq) {
        if (seq - session.next_seq <= CHUNKS_AHEAD_ALLOWED) {
          await client.query('ROLLBACK');
          return { applied: false, waiting: true };
        }
        throw new DomainError('IMPORT.OUT_OF_ORDER', `Bagian ke-${seq} datang sebelum bagian ke-${session.next_seq}`);
      }
      let imported = 0;
      let merged = 0;
      const allRejections = [...rejections];
      if (rows.length > 0) {
        const outcome = await this.merge(client, rows);
        imported = outcome.imported;
        merged = rows.length - outcome.withoutPostalCode.length;
        for (const line of outcome.withoutPostalCode) {
          allRejections.push({ line, errors: [{ field: 'Kode Pos', message: POSTAL_CODE_UNKNOWN }] });
        }
      }
      const updated = merged - imported;
      // The rejections and the session's counts in one statement (one round trip).
      await client.query(
        `WITH rejected AS (
           INSERT INTO import_rejection (import_id, line, errors)
           SELECT $1, r.line, r.errors FROM unnest($5::int[], $6::jsonb[]) AS r(line, errors)
           ON CONFLICT DO NOTHING)
         UPDATE import_session SET next_seq = next_seq + 1, imported = imported + $2, updated = updated + $3,
                rejected = rejected + $4 WHERE id = $1`,
        [
          importId,
          imported,
          updated,
          allRejections.length,
          allRejections.map((r) => r.line),
          allRejections.map((r) => JSON.stringify(r.errors)),
        ],
      );
      await client.query('COMMIT');
      return { applied: true, imported, updated };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Starts the chunk's transaction and locks its session row. For a session id in the form
   * identity gives them (a UUID, checked character by character here) both go in one round trip
   * as one simple query; anything else goes as a bound parameter, in two.
   */
  private async beginAndLock(
    client: PoolClient,
    importId: string,
  ): Promise<{ next_seq: number; finished: boolean } | undefined> {
    const lock = `SELECT next_seq, finished_at IS NOT NULL AS finished FROM import_session WHERE id = `;
    if (UUID.test(importId)) {
      const results = (await client.query(`BEGIN; ${lock}'${importId}' FOR UPDATE`)) as unknown as QueryResult[];
      return results[1].rows[0] as { next_seq: number; finished: boolean } | undefined;
    }
    await client.query('BEGIN');
    const locked = await client.query<{ next_seq: number; finished: boolean }>(`${lock}$1 FOR UPDATE`, [importId]);
    return locked.rows[0];
  }

  /**
   * Upserts the rows; returns how many people were new, and the lines left out for want of a
   * postal code. A NIK twice in a chunk: the last row wins. After the COPY, the statements of
   * the merge go as one simple query (one round trip instead of four to seven: on a loaded
   * machine each round trip waits for a time slice of this process and of the backend).
   */
  private async merge(
    client: PoolClient,
    rows: readonly ResidentRow[],
  ): Promise<{ imported: number; withoutPostalCode: number[] }> {
    await client.query(`
      CREATE TEMP TABLE import_stage (
        line integer, nik char(16), full_name varchar(100), sex varchar(10), birth_place varchar(100),
        birth_date date, religion varchar(12), education varchar(40), occupation varchar(60),
        blood_type varchar(10), marital_status varchar(30), marriage_date date, relationship varchar(20),
        citizenship varchar(3), passport_number varchar(30), kitap_number varchar(30),
        father_name varchar(100), mother_name varchar(100), status varchar(10), family_card_number char(16),
        address varchar(200), rt char(3), rw char(3), village_code varchar(13), regency_code varchar(5),
        postal_code char(5)
      ) ON COMMIT DROP`);
    const copy = client.query(copyStreams.from(`COPY import_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN`));
    let data = '';
    for (const row of rows) data += stageLine(row);
    await pipeline(Readable.from([data]), copy);

    // SIAK's export has no postal code: a family keeps the one it has, a new family takes the
    // one its village's families have (one kode pos per desa/kelurahan). A row for which
    // neither exists cannot be stored (a family's postal code is required) and is rejected.
    const statements: string[] = [];
    const fillPostalCodes = rows.some((row) => row.postalCode === null);
    if (fillPostalCodes) {
      statements.push(`
        UPDATE import_stage s SET postal_code = f.postal_code FROM family f
         WHERE s.postal_code IS NULL AND f.family_card_number = s.family_card_number`);
      statements.push(`
        WITH villages AS (SELECT DISTINCT regency_code, village_code FROM import_stage WHERE postal_code IS NULL),
        usual AS (
          SELECT DISTINCT ON (f.village_code) f.village_code, f.postal_code
            FROM family f JOIN villages v ON f.regency_code = v.regency_code AND f.village_code = v.village_code
           GROUP BY f.village_code, f.postal_code
           ORDER BY f.village_code, count(*) DESC, f.postal_code)
        UPDATE import_stage s SET postal_code = u.postal_code FROM usual u
         WHERE s.postal_code IS NULL AND u.village_code = s.village_code`);
      statements.push(`DELETE FROM import_stage WHERE postal_code IS NULL RETURNING line`);
    }
    const removedAt = statements.length - 1;

    statements.push(`
      INSERT INTO family AS f (family_card_number, ${FAMILY_VALUES})
      SELECT DISTINCT ON (family_card_number) family_card_number, ${FAMILY_VALUES}
        FROM import_stage ORDER BY family_card_number, line DESC
      ON CONFLICT (family_card_number) DO UPDATE SET ${assignments(FAMILY_VALUES)}, updated_at = now()
      WHERE (${FAMILY_VALUES.split(',')
        .map((c) => `f.${c.trim()}`)
        .join(', ')}) IS DISTINCT FROM (${excluded(FAMILY_VALUES)})`);

    const insertedAt = statements.length;
    statements.push(`
      WITH latest AS (SELECT DISTINCT ON (nik) * FROM import_stage ORDER BY nik, line DESC),
      upserted AS (
        INSERT INTO person AS p (nik, ${PERSON_VALUES})
        SELECT nik, ${PERSON_VALUES} FROM latest ORDER BY nik
        ON CONFLICT (nik) DO UPDATE SET ${assignments(PERSON_VALUES)}, updated_at = now()
        WHERE (${PERSON_VALUES.split(',')
          .map((c) => `p.${c.trim()}`)
          .join(', ')}) IS DISTINCT FROM (${excluded(PERSON_VALUES)})
        RETURNING xmax = 0 AS is_new
      )
      SELECT count(*) FILTER (WHERE is_new)::int AS inserted FROM upserted`);

    // A membership that changed (another family, another relationship) is closed and a new
    // one opened, so the family as it was stays on record. A chunk is a few thousand rows
    // against millions: each staged person is looked up through the index of current
    // memberships (LATERAL ... LIMIT 1 keeps the planner from joining the whole table, which
    // it would do on statistics that lag behind a table growing during a big import).
    statements.push(`
      WITH latest AS (SELECT DISTINCT ON (nik) nik, family_card_number, relationship FROM import_stage ORDER BY nik, line DESC)
      UPDATE family_membership SET left_at = now()
       WHERE id = ANY (ARRAY(
         SELECT c.id FROM latest l
          CROSS JOIN LATERAL (SELECT m.id, m.family_card_number, m.relationship FROM family_membership m
                               WHERE m.nik = l.nik AND m.left_at IS NULL LIMIT 1) c
          WHERE c.family_card_number <> l.family_card_number OR c.relationship <> l.relationship))`);
    statements.push(`
      WITH latest AS (SELECT DISTINCT ON (nik) nik, family_card_number, relationship FROM import_stage ORDER BY nik, line DESC)
      INSERT INTO family_membership (family_card_number, nik, relationship, joined_at)
      SELECT l.family_card_number, l.nik, l.relationship, now() FROM latest l
        LEFT JOIN LATERAL (SELECT 1 AS present FROM family_membership m
                            WHERE m.nik = l.nik AND m.left_at IS NULL LIMIT 1) c ON true
       WHERE c.present IS NULL
       ORDER BY l.nik`);
    const results = (await client.query(statements.join(';\n'))) as unknown as QueryResult[];
    const withoutPostalCode = fillPostalCodes
      ? (results[removedAt].rows as Array<{ line: number }>).map((row) => row.line)
      : [];
    const inserted = results[insertedAt].rows[0] as { inserted: number } | undefined;
    return { imported: inserted?.inserted ?? 0, withoutPostalCode };
  }

  /** Closes a session (again, harmlessly) and gives its counts. */
  async finish(importId: string): Promise<ImportCounts> {
    const rows = await this.db.query<Array<ImportCounts>>(
      `UPDATE import_session SET finished_at = COALESCE(finished_at, now()) WHERE id = $1
       RETURNING imported, updated, rejected`,
      [importId],
    );
    // TypeORM returns [rows, affected] for UPDATE ... RETURNING.
    const first = (Array.isArray(rows[0]) ? rows[0][0] : rows[0]) as ImportCounts | undefined;
    if (first === undefined) throw new DomainError('IMPORT.NOT_FOUND', 'Sesi impor tidak ditemukan');
    return first;
  }

  async listRejections(importId: string, afterLine: number, limit: number): Promise<ImportRejection[]> {
    return this.db.query<ImportRejection[]>(
      `SELECT line, errors FROM import_rejection WHERE import_id = $1 AND line > $2 ORDER BY line LIMIT $3`,
      [importId, afterLine, limit],
    );
  }
}
