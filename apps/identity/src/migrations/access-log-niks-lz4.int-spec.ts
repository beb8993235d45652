import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropTestDatabase, ensureDatabase, runMigrationStep, withDatabase } from '#lib/platform/db';
import { identityMigrations } from './index.js';
import { AccessLogNiksLz41768900000000 } from './1768900000000-access-log-niks-lz4.js';

/**
 * A batch row's NIKs are compressed with LZ4 where the server has it (real PostgreSQL), the
 * migration does not fail where it has not, and the way back restores the default.
 */
describe('migration AccessLogNiksLz41768900000000', () => {
  const url = withDatabase(process.env['TEST_DATABASE_URL']!, `disduk_test_lz4_${randomBytes(3).toString('hex')}`);
  let db: DataSource;
  let serverHasLz4 = false;
  const migration = new AccessLogNiksLz41768900000000();
  const run = (step: 'up' | 'down'): Promise<void> => runMigrationStep(db, migration, step);
  const columnCompression = async (): Promise<string> =>
    (
      await db.query<Array<{ method: string }>>(
        `SELECT attcompression AS method FROM pg_attribute
          WHERE attrelid = 'access_log'::regclass AND attname = 'subject_niks'`,
      )
    )[0].method;

  beforeAll(async () => {
    await ensureDatabase(url);
    db = new DataSource({ type: 'postgres', url, entities: [], migrations: identityMigrations });
    await db.initialize();
    await db.runMigrations();
    // Whether this server was built with LZ4: asked of a scratch table, as the migration asks.
    serverHasLz4 = await db.query(`CREATE TEMP TABLE lz4_probe (v text COMPRESSION lz4)`).then(
      () => true,
      (error: { code?: string }) => {
        if (error.code !== '0A000') throw error;
        return false;
      },
    );
  });

  afterAll(async () => {
    await db?.destroy();
    await dropTestDatabase(url);
  });

  it('compresses a batch row’s NIKs with LZ4 where the server has it', async () => {
    expect(await columnCompression()).toBe(serverHasLz4 ? 'l' : '');
    if (!serverHasLz4) return;
    const niks = Array.from({ length: 1000 }, (_, i) => `160205410190${String(i + 1).padStart(4, '0')}`);
    await db.query(
      `INSERT INTO access_log (seq, version, actor_type, actor_id, actor_name, endpoint, request_id, subject_niks,
                               purposes, item_fields, prev_hash, hash)
       VALUES (1, 3, 'AGENCY', '5b0f4a8e-7c1d-4f5e-9a3b-2c6d8e0f1a2b', 'BANK UJI', 'POST /verifications/batch',
               '5b0f4a8e-7c1d-4f5e-9a3b-2c6d8e0f1000', $1, '{Uji}', '{fullName}', $2, $3)`,
      [niks, '0'.repeat(64), '1'.repeat(64)],
    );
    const [row] = await db.query<Array<{ method: string; same: boolean }>>(
      `SELECT pg_column_compression(subject_niks) AS method, subject_niks = $1::text[] AS same FROM access_log`,
      [niks],
    );
    expect(row).toEqual({ method: 'lz4', same: true });
  });

  it('goes back to the server’s default, and forward again', async () => {
    await run('down');
    expect(await columnCompression()).toBe('');
    await run('up');
    expect(await columnCompression()).toBe(serverHasLz4 ? 'l' : '');
  });
});
