import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropTestDatabase, ensureDatabase, runMigrationStep, withDatabase } from '#lib/platform/db';
import { identityMigrations } from './index.js';
import { MembershipParentsByStatement1768700000000 } from './1768700000000-membership-parents-by-statement.js';

/**
 * The memberships' parents checked per statement (real PostgreSQL): every statement that would
 * leave a membership without its person or family is refused with 23503 as the foreign keys did,
 * whatever its size; people and families are never deleted or renumbered (23001); and the way
 * back restores the foreign keys.
 */
describe('migration MembershipParentsByStatement1768700000000', () => {
  const url = withDatabase(
    process.env['TEST_DATABASE_URL']!,
    `disduk_test_fmparents_${randomBytes(3).toString('hex')}`,
  );
  let db: DataSource;
  const migration = new MembershipParentsByStatement1768700000000();
  const KK = ['1602050505120001', '1602050505120002'];
  const NIK = ['1602054101900001', '1602054101900002', '1602054101900003'];
  const UNKNOWN_NIK = '1602054101900099';
  const UNKNOWN_KK = '1602050505120099';

  const run = (step: 'up' | 'down'): Promise<void> => runMigrationStep(db, migration, step);
  const codeOf = (statement: string, params: unknown[] = []): Promise<string | undefined> =>
    db.query(statement, params).then(
      () => undefined,
      (error: { code?: string }) => error.code,
    );
  const member = (kk: string, nik: string): string =>
    `INSERT INTO family_membership (family_card_number, nik, relationship) VALUES ('${kk}', '${nik}', 'ANAK')`;

  beforeAll(async () => {
    await ensureDatabase(url);
    db = new DataSource({ type: 'postgres', url, entities: [], migrations: identityMigrations });
    await db.initialize();
    await db.runMigrations();
    for (const kk of KK) {
      await db.query(
        `INSERT INTO family (family_card_number, address, rt, rw, village_code, regency_code, postal_code)
         VALUES ($1, 'JL. MERDEKA NO. 1', '001', '002', '16.02.05.1002', '16.02', '30611')`,
        [kk],
      );
    }
    for (const nik of NIK) {
      await db.query(
        `INSERT INTO person (nik, full_name, sex, birth_place, birth_date, religion, education, occupation, blood_type,
                             marital_status, citizenship, father_name, mother_name, status)
         VALUES ($1, 'SITI AMINAH', 'PEREMPUAN', 'KAYU AGUNG', '1990-01-01', 'ISLAM', 'SLTA/SEDERAJAT',
                 'PETANI/PEKEBUN', 'O', 'BELUM_KAWIN', 'WNI', 'AHMAD', 'FATIMAH', 'ACTIVE')`,
        [nik],
      );
    }
  });

  afterAll(async () => {
    await db?.destroy();
    await dropTestDatabase(url);
  });

  it('refuses a membership whose person or family is missing, one row or many, on insert and on update', async () => {
    await expect(codeOf(member(KK[0], NIK[0]))).resolves.toBeUndefined();
    await expect(codeOf(member(KK[0], UNKNOWN_NIK))).resolves.toBe('23503');
    await expect(codeOf(member(UNKNOWN_KK, NIK[1]))).resolves.toBe('23503');
    // One bad row among many refuses the whole statement.
    await expect(
      codeOf(
        `INSERT INTO family_membership (family_card_number, nik, relationship)
         SELECT $1, nik, 'ANAK' FROM unnest($2::char(16)[]) AS nik`,
        [KK[1], [NIK[1], NIK[2], UNKNOWN_NIK]],
      ),
    ).resolves.toBe('23503');
    const [{ count }] = await db.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM family_membership`,
    );
    expect(count).toBe(1);
    await expect(
      codeOf(`UPDATE family_membership SET family_card_number = $1 WHERE nik = $2`, [UNKNOWN_KK, NIK[0]]),
    ).resolves.toBe('23503');
    await expect(
      codeOf(`UPDATE family_membership SET family_card_number = $1 WHERE nik = $2`, [KK[1], NIK[0]]),
    ).resolves.toBeUndefined();
  });

  it('never deletes, truncates or renumbers a person or a family', async () => {
    await expect(codeOf(`DELETE FROM person WHERE nik = $1`, [NIK[2]])).resolves.toBe('23001');
    await expect(codeOf(`UPDATE person SET nik = $1 WHERE nik = $2`, [UNKNOWN_NIK, NIK[2]])).resolves.toBe('23001');
    await expect(codeOf(`TRUNCATE person CASCADE`)).resolves.toBe('23001');
    await expect(codeOf(`DELETE FROM family WHERE family_card_number = $1`, [KK[0]])).resolves.toBe('23001');
    await expect(codeOf(`TRUNCATE family CASCADE`)).resolves.toBe('23001');
    // Other changes go on as before.
    await expect(codeOf(`UPDATE person SET status = 'DECEASED' WHERE nik = $1`, [NIK[2]])).resolves.toBeUndefined();
    await expect(
      codeOf(`UPDATE family SET rt = '003' WHERE family_card_number = $1`, [KK[0]]),
    ).resolves.toBeUndefined();
  });

  it('goes back to the foreign keys', async () => {
    await run('down');
    await expect(codeOf(member(KK[0], UNKNOWN_NIK))).resolves.toBe('23503');
    await expect(codeOf(`DELETE FROM person WHERE nik = $1`, [NIK[2]])).resolves.toBeUndefined();
    await expect(codeOf(`DELETE FROM person WHERE nik = $1`, [NIK[0]])).resolves.toBe('23503');
    await run('up');
    await expect(codeOf(`DELETE FROM person WHERE nik = $1`, [NIK[1]])).resolves.toBe('23001');
  });
});
