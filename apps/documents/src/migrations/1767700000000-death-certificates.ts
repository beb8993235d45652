import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Death registration (the fifth application type) issues a Kutipan Akta Kematian: the kind is
 * allowed in `issued_documents`, and its numbers get their serials per regency and registration
 * day, kept per deceased like the birth certificates' per child.
 */
export class DeathCertificates1767700000000 implements MigrationInterface {
  name = 'DeathCertificates1767700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE issued_documents DROP CONSTRAINT IF EXISTS issued_documents_kind_check`);
    await db.query(
      `ALTER TABLE issued_documents ADD CONSTRAINT issued_documents_kind_check
         CHECK (kind IN ('KARTU_KELUARGA', 'AKTA_KELAHIRAN', 'AKTA_KEMATIAN'))`,
    );
    await db.query(`
      CREATE TABLE death_certificate_serials (
        regency_code      text    NOT NULL,
        registration_date date    NOT NULL,
        last_serial       integer NOT NULL CHECK (last_serial BETWEEN 1 AND 9999),
        PRIMARY KEY (regency_code, registration_date)
      )`);
    await db.query(`
      CREATE TABLE death_certificate_numbers (
        deceased_nik text PRIMARY KEY,
        number       text NOT NULL UNIQUE
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS death_certificate_numbers, death_certificate_serials');
    await db.query(`DELETE FROM issued_documents WHERE kind = 'AKTA_KEMATIAN'`);
    await db.query(`ALTER TABLE issued_documents DROP CONSTRAINT IF EXISTS issued_documents_kind_check`);
    await db.query(
      `ALTER TABLE issued_documents ADD CONSTRAINT issued_documents_kind_check
         CHECK (kind IN ('KARTU_KELUARGA', 'AKTA_KELAHIRAN'))`,
    );
  }
}
