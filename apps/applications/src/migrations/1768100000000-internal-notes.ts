import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff queue shows and searches the applicant's name, as the registry had it when they
 * applied (earlier applications keep none: the queue shows their masked NIK).
 *
 * A clerk's note for the official gets a column of its own, which the applicant's view never
 * reads: until now it shared `reason` with what the applicant is told. Notes already written
 * on verification were meant for the official, so they move.
 */
export class InternalNotes1768100000000 implements MigrationInterface {
  name = 'InternalNotes1768100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE application ADD COLUMN applicant_name varchar(120)`);
    await db.query(`ALTER TABLE application_history ADD COLUMN internal_note text`);
    await db.query(`
      UPDATE application_history SET internal_note = reason, reason = NULL
      WHERE to_status = 'VERIFIED' AND reason IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE application_history SET reason = internal_note
      WHERE to_status = 'VERIFIED' AND internal_note IS NOT NULL AND reason IS NULL`);
    await db.query(`ALTER TABLE application_history DROP COLUMN internal_note`);
    await db.query(`ALTER TABLE application DROP COLUMN applicant_name`);
  }
}
