import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A batch row's NIKs compressed with LZ4 instead of PostgreSQL's default pglz. A row of 1,000
 * NIKs (≈ 20 kB of text[]) is compressed as it is written, before the answer leaves: PostgreSQL's
 * CPU per such row fell from 2.1–2.2 to 1.5 ms with the table's indexes (from 1.5 to 0.9 ms
 * without them; docs/benchmarks.md, "Eleventh round"). Rows already written keep their pglz
 * values (a compressed value says how it was compressed): nothing is rewritten, and the hash
 * chain hashes the values, not their storage.
 *
 * LZ4 needs a server built with it (`--with-lz4`: Debian's, the official image's). On one without
 * it the statement is refused with `feature_not_supported`; the migration then leaves pglz and
 * says so in the server's log rather than fail the deployment.
 */
export class AccessLogNiksLz41768900000000 implements MigrationInterface {
  name = 'AccessLogNiksLz41768900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      BEGIN
        ALTER TABLE access_log ALTER COLUMN subject_niks SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported THEN
        RAISE WARNING 'access_log.subject_niks stays compressed with pglz: %', SQLERRM;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE access_log ALTER COLUMN subject_niks SET COMPRESSION default`);
  }
}
