import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The evidence the rules expect a clerk to see for an application (issue #14: which SPTJM, the
 * buku nikah, the birth letter), decided at each (re)submission and shown on the clerk's page.
 * Applications stored before it have none listed.
 */
export class ExpectedEvidence1768000000000 implements MigrationInterface {
  name = 'ExpectedEvidence1768000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE application ADD COLUMN expected_evidence jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE application DROP COLUMN expected_evidence`);
  }
}
