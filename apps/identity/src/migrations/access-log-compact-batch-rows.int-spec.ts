import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropTestDatabase, ensureDatabase, runMigrationStep, withDatabase } from '#lib/platform/db';
import { identityMigrations } from './index.js';
import { AccessLogCompactBatchRows1768600000000 } from './1768600000000-access-log-compact-batch-rows.js';

/**
 * The compact-batch-rows migration on a log that already holds version-2 rows, and back (real
 * PostgreSQL): old rows keep passing the table's CHECK and are found by the new index; the way
 * back is refused once a version-3 row exists (the log is append-only).
 */
describe('migration AccessLogCompactBatchRows1768600000000', () => {
  const url = withDatabase(process.env['TEST_DATABASE_URL']!, `disduk_test_alog3_${randomBytes(3).toString('hex')}`);
  let db: DataSource;
  const migration = new AccessLogCompactBatchRows1768600000000();
  const NIK = '1602054101900001';

  const run = (step: 'up' | 'down'): Promise<void> => runMigrationStep(db, migration, step);
  const indexes = async (): Promise<string[]> =>
    (
      await db.query<Array<{ indexname: string }>>(
        `SELECT indexname FROM pg_indexes WHERE tablename = 'access_log' AND indexname LIKE 'access_log_subject%s_idx'
          ORDER BY indexname`,
      )
    ).map((row) => row.indexname);
  const insert = (version: 2 | 3, seq: number): Promise<unknown> =>
    db.query(
      `INSERT INTO access_log (seq, version, at, actor_type, actor_id, actor_name, endpoint, subject_niks, purposes,
                               item_fields, request_ids, request_id, prev_hash, hash)
       VALUES ($1, $2, now(), 'AGENCY', gen_random_uuid(), 'BANK UJI', 'POST /verifications/batch', ARRAY[$3, $3],
               $4, $5, $6::uuid[], $7::uuid, repeat('0', 64), repeat('0', 64))`,
      version === 2
        ? [seq, 2, NIK, ['a', 'b'], ['', ''], [randomUUID(), randomUUID()], null]
        : [seq, 3, NIK, ['a'], [''], null, '3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1000'],
    );

  beforeAll(async () => {
    await ensureDatabase(url);
    const before = identityMigrations.filter((m) => m !== AccessLogCompactBatchRows1768600000000);
    db = new DataSource({ type: 'postgres', url, entities: [], migrations: before });
    await db.initialize();
    await db.runMigrations();
    await insert(2, 1);
  });

  afterAll(async () => {
    await db?.destroy();
    await dropTestDatabase(url);
  });

  it('keeps version-2 rows valid and findable by the bigint index, and goes back while no version-3 row exists', async () => {
    await run('up');
    expect(await indexes()).toEqual(['access_log_subject_numbers_idx']);
    const found = await db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM access_log l WHERE l.version >= 2 AND (l.subject_niks::bigint[]) @> ARRAY[$1::bigint]`,
      [NIK],
    );
    expect(found[0].n).toBe(1);
    await run('down');
    expect(await indexes()).toEqual(['access_log_subjects_idx']);
    // Before the migration, the table refuses a version-3 row.
    await expect(insert(3, 2)).rejects.toThrow(/access_log_row_shape/);
    await run('up');
  });

  it('refuses to go back once a version-3 row is in the log', async () => {
    await insert(3, 2);
    await expect(run('down')).rejects.toThrow(/compact batch rows \(version 3\)/);
    expect(await indexes()).toEqual(['access_log_subject_numbers_idx']);
  });
});
