import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administration scope and four-eyes between people (docs/security.md "Administration scope
 * and four-eyes"):
 * - `admin_scope`: an ADMIN is DEPLOYMENT-wide or bound to its REGENCY (also when NULL). Every
 *   existing ADMIN starts regency-bound; identity makes the first ADMIN (ADMIN_USERNAME, which
 *   production requires) deployment-wide at each start (AdminBootstrapService).
 * - a staff NIP names one person: unique among accounts, so nobody holds a CLERK and an
 *   OFFICIAL account at once.
 * - `staff_nik`: the NIK of the person behind a staff account (optional, unique), so that a
 *   clerk or official can be kept off their own family's applications. Not `nik`, which is a
 *   resident's sign-in name: the same person may also have a resident account.
 */
export class StaffScope1768310000000 implements MigrationInterface {
  name = 'StaffScope1768310000000';

  async up(db: QueryRunner): Promise<void> {
    const duplicates = (await db.query(
      `SELECT nip, count(*)::int AS accounts FROM account WHERE nip IS NOT NULL GROUP BY nip HAVING count(*) > 1`,
    )) as Array<{ nip: string; accounts: number }>;
    if (duplicates.length > 0) {
      throw new Error(
        `A NIP must name one staff account; disable or correct the accounts sharing these NIPs first: ` +
          duplicates.map((d) => `${d.nip} (${d.accounts} accounts)`).join(', '),
      );
    }
    await db.query(`
      ALTER TABLE account
        ADD COLUMN admin_scope varchar(10) CHECK (admin_scope IN ('DEPLOYMENT', 'REGENCY')),
        ADD COLUMN staff_nik char(16) CHECK (staff_nik IS NULL OR role IN ('CLERK', 'OFFICIAL', 'ADMIN'))`);
    // Narrow by default; identity makes the ADMIN_USERNAME account deployment-wide when it starts.
    await db.query(`UPDATE account SET admin_scope = 'REGENCY' WHERE role = 'ADMIN'`);
    // Only ADMINs have a scope; an ADMIN without one (a row written by hand, e.g. the demo seed)
    // is bound to its regency, the narrow reading.
    await db.query(
      `ALTER TABLE account ADD CONSTRAINT account_admin_scope_role CHECK (admin_scope IS NULL OR role = 'ADMIN')`,
    );
    await db.query(`CREATE UNIQUE INDEX account_nip_key ON account (nip) WHERE nip IS NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX account_staff_nik_key ON account (staff_nik) WHERE staff_nik IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS account_staff_nik_key`);
    await db.query(`DROP INDEX IF EXISTS account_nip_key`);
    await db.query(`ALTER TABLE account DROP CONSTRAINT IF EXISTS account_admin_scope_role`);
    await db.query(`ALTER TABLE account DROP COLUMN IF EXISTS staff_nik, DROP COLUMN IF EXISTS admin_scope`);
  }
}
