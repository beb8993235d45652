import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropTestDatabase, ensureDatabase, runMigrationStep, withDatabase } from '#lib/platform/db';
import { PACKED_PEOPLE_QUERY } from '../verification/verification.repository.js';
import { identityMigrations } from './index.js';
import { PersonKeyCoversVerification1768800000000 } from './1768800000000-person-key-covers-verification.js';

/**
 * The registry's key carries what a verification compares (real PostgreSQL): the read of a
 * group of checks is answered from the key alone, the key still refuses a second person with
 * the same NIK, and the way back restores the plain key.
 */
describe('migration PersonKeyCoversVerification1768800000000', () => {
  const url = withDatabase(process.env['TEST_DATABASE_URL']!, `disduk_test_pkcover_${randomBytes(3).toString('hex')}`);
  let db: DataSource;
  const migration = new PersonKeyCoversVerification1768800000000();
  const NIK = ['1602054101900001', '1602054101900002', '1602054101900003'];

  const run = (step: 'up' | 'down'): Promise<void> => runMigrationStep(db, migration, step);
  const keyDefinition = async (): Promise<string> =>
    (
      await db.query<Array<{ definition: string }>>(
        `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
          WHERE conrelid = 'person'::regclass AND contype = 'p'`,
      )
    )[0].definition;
  const insertPerson = (nik: string): Promise<unknown> =>
    db.query(
      `INSERT INTO person (nik, full_name, sex, birth_place, birth_date, religion, education, occupation, blood_type,
                           marital_status, citizenship, father_name, mother_name, status)
       VALUES ($1, 'SITI AMINAH', 'PEREMPUAN', 'KAYU AGUNG', '1990-01-01', 'ISLAM', 'SLTA/SEDERAJAT',
               'PETANI/PEKEBUN', 'O', 'BELUM_KAWIN', 'WNI', 'AHMAD', 'FATIMAH', 'HIDUP')`,
      [nik],
    );
  /** The plan of the verification read, as PostgreSQL would run it on a registry too big to scan. */
  const readPlan = async (): Promise<string> => {
    const runner = db.createQueryRunner();
    try {
      await runner.query('SET enable_seqscan = off');
      await runner.query('SET enable_bitmapscan = off');
      const rows = (await runner.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${PACKED_PEOPLE_QUERY}`, [
        NIK.join(','),
      ])) as Array<{ 'QUERY PLAN': unknown }>;
      return JSON.stringify(rows[0]['QUERY PLAN']);
    } finally {
      await runner.release();
    }
  };

  beforeAll(async () => {
    await ensureDatabase(url);
    db = new DataSource({ type: 'postgres', url, entities: [], migrations: identityMigrations });
    await db.initialize();
    await db.runMigrations();
    for (const nik of NIK) await insertPerson(nik);
    // As autovacuum leaves a registry: its pages marked all-visible.
    await db.query('VACUUM (ANALYZE) person');
  });

  afterAll(async () => {
    await db?.destroy();
    await dropTestDatabase(url);
  });

  it('answers the verification read from the key alone', async () => {
    expect(await keyDefinition()).toBe(
      'PRIMARY KEY (nik) INCLUDE (full_name, birth_date, birth_place, sex, mother_name, status)',
    );
    const plan = await readPlan();
    expect(plan).toContain('"Node Type":"Index Only Scan"');
    expect(plan).toContain('"Index Name":"person_pkey"');
    expect(plan).toContain('"Heap Fetches":0');
  });

  it('still refuses a second person with the same NIK', async () => {
    await expect(insertPerson(NIK[0])).rejects.toMatchObject({ code: '23505' });
  });

  it('goes back to the plain key, and forward again', async () => {
    await run('down');
    expect(await keyDefinition()).toBe('PRIMARY KEY (nik)');
    expect(await readPlan()).not.toContain('Index Only Scan');
    await run('up');
    await db.query('VACUUM person');
    expect(await readPlan()).toContain('"Node Type":"Index Only Scan"');
  });
});
