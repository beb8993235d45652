import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A registry import is staged, then merged once (docs/benchmarks.md "Registry import"): each
 * chunk's valid rows are COPied into `import_stage` as the chunk arrives — chunks of one
 * session in parallel, on any replica, in any order — and `identity.import.finish` merges the
 * whole session into families, people and memberships by one set of statements, the latest line
 * of a NIK winning. `import_chunk` records every chunk received (a chunk sent twice counts once)
 * with its staged row count.
 *
 * The staging table is UNLOGGED: its rows are written once and read once, and WAL for them would
 * cost as much again as the COPY itself. PostgreSQL empties an unlogged table after its own
 * crash; the finish compares the rows staged with the counts `import_chunk` (logged) recorded and
 * refuses to merge a session that lost some, so such a session is uploaded again, never merged
 * in part. No index: the merge reads a session's rows once, sorted by NIK.
 */
export class ImportStaging1768450000000 implements MigrationInterface {
  name = 'ImportStaging1768450000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE import_stage (
        import_id uuid NOT NULL,
        line integer NOT NULL,
        nik char(16) NOT NULL,
        full_name varchar(100), sex varchar(10), birth_place varchar(100),
        birth_date date, religion varchar(12), education varchar(40), occupation varchar(60),
        blood_type varchar(10), marital_status varchar(30), marriage_date date, relationship varchar(20),
        citizenship varchar(3), passport_number varchar(30), kitap_number varchar(30),
        father_name varchar(100), mother_name varchar(100), status varchar(10), family_card_number char(16),
        address varchar(200), rt char(3), rw char(3), village_code varchar(13), regency_code varchar(5),
        postal_code char(5)
      )`);
    await db.query(`
      CREATE TABLE import_chunk (
        import_id uuid NOT NULL REFERENCES import_session (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        staged integer NOT NULL,
        without_postal_code boolean NOT NULL,
        PRIMARY KEY (import_id, seq)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS import_chunk`);
    await db.query(`DROP TABLE IF EXISTS import_stage`);
  }
}
