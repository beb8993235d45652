import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DOCUMENT_KINDS, DocumentKind } from '#lib/domain';

/**
 * Death registration issues a Kutipan Akta Kematian: its kind is let into `issued_documents`,
 * and its numbers get their serials per regency and registration day, kept per deceased as the
 * birth certificates' are per child.
 */
export class DeathCertificates1767700000000 implements MigrationInterface {
  name = 'DeathCertificates1767700000000';

  async up(db: QueryRunner): Promise<void> {
    await setKindCheck(db, Object.keys(DOCUMENT_KINDS));
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
    await setKindCheck(db, earlier);
  }
}

/**
 * `issued_documents.kind` may hold these kinds. Written here rather than with
 * `allowEveryDocumentKind` of document-kind-constraint.ts: that module imports this migration
 * (`DOCUMENT_KIND_ALLOWED_BY`), and the import cycle would leave the class uninitialised there.
 */
async function setKindCheck(db: QueryRunner, kinds: readonly string[]): Promise<void> {
  await db.query(
    `ALTER TABLE issued_documents DROP CONSTRAINT IF EXISTS issued_documents_kind_check,
       ADD CONSTRAINT issued_documents_kind_check CHECK (kind IN (${kinds.map((kind) => `'${kind}'`).join(', ')}))`,
  );
}
