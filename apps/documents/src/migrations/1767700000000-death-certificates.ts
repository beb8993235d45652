import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DOCUMENT_KINDS, DocumentKind } from '#lib/domain';
import { allowEveryDocumentKind } from './document-kind-check.js';

/**
 * Death registration issues a Kutipan Akta Kematian: its kind is let into `issued_documents`,
 * and its numbers get their serials per regency and registration day, kept per deceased as the
 * birth certificates' are per child.
 */
export class DeathCertificates1767700000000 implements MigrationInterface {
  name = 'DeathCertificates1767700000000';

  async up(db: QueryRunner): Promise<void> {
    await allowEveryDocumentKind(db);
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
    await db.query(`DELETE FROM document_files WHERE document_id IN
                      (SELECT id FROM issued_documents WHERE kind = '${DocumentKind.AKTA_KEMATIAN}')`);
    await db.query(`DELETE FROM issued_documents WHERE kind = '${DocumentKind.AKTA_KEMATIAN}'`);
    const earlier = Object.keys(DOCUMENT_KINDS).filter((kind) => kind !== DocumentKind.AKTA_KEMATIAN);
    await allowEveryDocumentKind(db, earlier);
  }
}
