import type { MigrationInterface, QueryRunner } from 'typeorm';
import { OUTBOX_TABLE_SQL } from '#lib/platform/events';

/**
 * Issued documents (immutable once issued, but for their status), their signed PDFs kept in
 * the database (every replica sees them; PostgreSQL's replicas and backups keep them), the
 * birth-certificate serials per regency and day, and the outbox of this service's events.
 */
export class IssuedDocuments1767300000000 implements MigrationInterface {
  name = 'IssuedDocuments1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE issued_documents (
        id                  uuid PRIMARY KEY,
        kind                text        NOT NULL CHECK (kind IN ('KARTU_KELUARGA', 'AKTA_KELAHIRAN')),
        number              text        NOT NULL,
        status              text        NOT NULL DEFAULT 'VALID' CHECK (status IN ('VALID', 'SUPERSEDED', 'REVOKED')),
        application_id      uuid        NOT NULL,
        subject_key         text        NOT NULL,
        family_card_number  text,
        holder_name         text        NOT NULL,
        member_niks         text[]      NOT NULL,
        regency_code        text        NOT NULL,
        issuer              text        NOT NULL,
        official_name       text        NOT NULL,
        official_nip        text        NOT NULL,
        issued_at           timestamptz NOT NULL,
        verification_token  text        NOT NULL UNIQUE,
        sha256              text        NOT NULL,
        size                integer     NOT NULL,
        status_changed_at   timestamptz,
        superseded_by       uuid REFERENCES issued_documents (id),
        revoked_reason      text,
        revoked_by          uuid,
        CONSTRAINT issued_documents_once UNIQUE (application_id, kind, subject_key)
      )`);
    await queryRunner.query(
      `CREATE INDEX issued_documents_valid_family_card ON issued_documents (family_card_number)
        WHERE kind = 'KARTU_KELUARGA' AND status = 'VALID'`,
    );
    await queryRunner.query(`CREATE INDEX issued_documents_member_niks ON issued_documents USING gin (member_niks)`);
    await queryRunner.query(`
      CREATE TABLE document_files (
        document_id uuid PRIMARY KEY REFERENCES issued_documents (id),
        content     bytea NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE birth_certificate_serials (
        regency_code      text    NOT NULL,
        registration_date date    NOT NULL,
        last_serial       integer NOT NULL,
        PRIMARY KEY (regency_code, registration_date)
      )`);
    await queryRunner.query(`
      CREATE TABLE birth_certificate_numbers (
        child_nik  text PRIMARY KEY,
        number     text NOT NULL UNIQUE
      )`);
    await queryRunner.query(OUTBOX_TABLE_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE IF EXISTS birth_certificate_numbers, birth_certificate_serials, document_files, issued_documents, outbox_events',
    );
  }
}
