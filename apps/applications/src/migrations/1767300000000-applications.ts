import type { MigrationInterface, QueryRunner } from 'typeorm';
import { OUTBOX_TABLE_SQL } from '#lib/platform/events';

/**
 * Applications with their history and issued documents, the per-regency-and-day counters of
 * application numbers, evidence files (bytes in PostgreSQL, so every replica sees them) with
 * their upload sessions, and the outbox of the approval hand-off.
 */
export class Applications1767300000000 implements MigrationInterface {
  name = 'Applications1767300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE application (
        id uuid PRIMARY KEY,
        number varchar(19) NOT NULL UNIQUE,
        type varchar(30) NOT NULL,
        status varchar(20) NOT NULL,
        applicant_account_id uuid NOT NULL,
        applicant_nik char(16) NOT NULL,
        regency_code varchar(5) NOT NULL,
        family_card_number char(16),
        details jsonb NOT NULL,
        verified_by uuid,
        approved_by uuid,
        submitted_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Staff queues: a regency's applications oldest first, by status, by type, or both; the
    // id breaks ties so that pages never overlap.
    await db.query(`CREATE INDEX application_queue_idx ON application (regency_code, submitted_at, id)`);
    await db.query(`CREATE INDEX application_queue_status_idx ON application (regency_code, status, submitted_at, id)`);
    await db.query(`CREATE INDEX application_queue_type_idx ON application (regency_code, type, submitted_at, id)`);
    await db.query(
      `CREATE INDEX application_queue_type_status_idx ON application (regency_code, type, status, submitted_at, id)`,
    );
    await db.query(`CREATE INDEX application_applicant_idx ON application (applicant_account_id, submitted_at, id)`);
    await db.query(
      `CREATE INDEX application_family_idx ON application (family_card_number, type) WHERE family_card_number IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE application_history (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application (id),
        at timestamptz NOT NULL,
        actor_account_id uuid,
        actor varchar(100) NOT NULL,
        actor_role varchar(10) NOT NULL,
        from_status varchar(20),
        to_status varchar(20) NOT NULL,
        reason text
      )`);
    await db.query(`CREATE INDEX application_history_application_idx ON application_history (application_id, id)`);

    await db.query(`
      CREATE TABLE application_document (
        application_id uuid NOT NULL REFERENCES application (id),
        document_id uuid NOT NULL,
        kind varchar(20) NOT NULL,
        number varchar(40) NOT NULL,
        position int NOT NULL,
        PRIMARY KEY (application_id, document_id)
      )`);

    await db.query(`
      CREATE TABLE application_number_counter (
        regency_code varchar(5) NOT NULL,
        day date NOT NULL,
        last_sequence int NOT NULL CHECK (last_sequence BETWEEN 1 AND 99999),
        PRIMARY KEY (regency_code, day)
      )`);

    await db.query(`
      CREATE TABLE attachment (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application (id),
        kind varchar(30) NOT NULL,
        file_name varchar(255) NOT NULL,
        content_type varchar(40) NOT NULL,
        size int NOT NULL CHECK (size >= 0),
        sha256 char(64) NOT NULL,
        uploaded_by uuid NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX attachment_application_idx ON attachment (application_id, created_at)`);
    await db.query(`
      CREATE TABLE attachment_content (
        attachment_id uuid PRIMARY KEY REFERENCES attachment (id) ON DELETE CASCADE,
        content bytea NOT NULL
      )`);
    // PDFs and photos are compressed already; stored uncompressed, a slice is read without
    // decompressing the whole file.
    await db.query(`ALTER TABLE attachment_content ALTER COLUMN content SET STORAGE EXTERNAL`);
    await db.query(`
      CREATE TABLE attachment_upload (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application (id),
        account_id uuid NOT NULL,
        kind varchar(30) NOT NULL,
        file_name varchar(255) NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE attachment_upload_chunk (
        upload_id uuid NOT NULL REFERENCES attachment_upload (id) ON DELETE CASCADE,
        seq int NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (upload_id, seq)
      )`);

    await db.query(OUTBOX_TABLE_SQL);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'attachment_upload_chunk',
      'attachment_upload',
      'attachment_content',
      'attachment',
      'application_number_counter',
      'application_document',
      'application_history',
      'application',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
