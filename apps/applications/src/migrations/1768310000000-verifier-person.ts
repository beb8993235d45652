import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Four-eyes compares people, not accounts: the verifier's NIP and (when the account carries it)
 * NIK, from the verified principal at the time of verification, so approval compares the person
 * without asking identity. Applications verified before keep only the account (null here).
 */
export class VerifierPerson1768310000000 implements MigrationInterface {
  name = 'VerifierPerson1768310000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE application ADD COLUMN verifier_nip char(18), ADD COLUMN verifier_nik char(16)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE application DROP COLUMN verifier_nik, DROP COLUMN verifier_nip`);
  }
}
