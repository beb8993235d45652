import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropTestDatabase, ensureDatabase, withDatabase } from '#lib/platform/db';
import { identityMigrations } from './index.js';
import { StaffScope1768310000000 } from './1768310000000-staff-scope.js';

/** The staff-scope migration on a database that already has accounts (real PostgreSQL). */
describe('migration StaffScope1768310000000', () => {
  const url = withDatabase(process.env['TEST_DATABASE_URL']!, `disduk_test_scope_${randomBytes(3).toString('hex')}`);
  let db: DataSource;

  const staff = (username: string, role: string, nip: string | null): Promise<unknown> =>
    db.query(
      `INSERT INTO account (id, role, username, password_hash, full_name, nip, regency_code)
       VALUES ($1, $2, $3, 'x', 'PETUGAS', $4, '16.02')`,
      [randomUUID(), role, username, nip],
    );

  beforeAll(async () => {
    await ensureDatabase(url);
    const before = identityMigrations.filter((m) => m !== StaffScope1768310000000);
    db = new DataSource({ type: 'postgres', url, entities: [], migrations: before });
    await db.initialize();
    await db.runMigrations();
  });

  afterAll(async () => {
    await db?.destroy();
    await dropTestDatabase(url);
  });

  const migrate = async (): Promise<void> => {
    const runner = db.createQueryRunner();
    try {
      await new StaffScope1768310000000().up(runner);
    } finally {
      await runner.release();
    }
  };

  it('refuses to run while two accounts share a NIP, naming it; then makes NIP and staff NIK unique', async () => {
    await staff('admin.satu', 'ADMIN', '198001012010011001');
    await staff('clerk.kembar', 'CLERK', '198501012010012001');
    await staff('official.kembar', 'OFFICIAL', '198501012010012001');
    await expect(migrate()).rejects.toThrow(/198501012010012001 \(2 accounts\)/);

    await db.query(`UPDATE account SET nip = '198501012010012002' WHERE username = 'official.kembar'`);
    await migrate();
    const admins = await db.query<Array<{ admin_scope: string }>>(
      `SELECT admin_scope FROM account WHERE role = 'ADMIN'`,
    );
    // Regency-bound until identity promotes ADMIN_USERNAME at start.
    expect(admins).toEqual([{ admin_scope: 'REGENCY' }]);
    await expect(staff('official.lagi', 'OFFICIAL', '198501012010012001')).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'account_nip_key' }),
    });
    await db.query(`UPDATE account SET staff_nik = '1602014101900001' WHERE username = 'clerk.kembar'`);
    await expect(
      db.query(`UPDATE account SET staff_nik = '1602014101900001' WHERE username = 'official.kembar'`),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'account_staff_nik_key' }) });
    // Only staff carry a staff NIK, only ADMINs a scope.
    await expect(
      db.query(`INSERT INTO account (id, role, nik, password_hash, staff_nik) VALUES ($1, 'RESIDENT', $2, 'x', $2)`, [
        randomUUID(),
        '1602014101900002',
      ]),
    ).rejects.toThrow(/check constraint/);
    await expect(
      db.query(`UPDATE account SET admin_scope = 'DEPLOYMENT' WHERE username = 'clerk.kembar'`),
    ).rejects.toThrow(/account_admin_scope_role/);
  });
});
