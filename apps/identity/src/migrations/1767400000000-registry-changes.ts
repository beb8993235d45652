import type { MigrationInterface, QueryRunner } from 'typeorm';
import { OUTBOX_TABLE_SQL } from '#lib/platform/events';

/**
 * Approved applications applied to the registry (one row each: applying twice is a no-op), the
 * identifiers reserved for them (a retry reuses the same NIK or No. KK), and the outbox of the
 * identity service's events.
 */
export class RegistryChanges1767400000000 implements MigrationInterface {
  name = 'RegistryChanges1767400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE registry_change (
        application_id     uuid PRIMARY KEY,
        type               varchar     NOT NULL,
        applied_at         timestamptz NOT NULL,
        family_card_numbers char(16)[] NOT NULL,
        child_nik          char(16)
      )`);
    await db.query(`
      CREATE TABLE registry_change_identifier (
        application_id uuid    NOT NULL,
        purpose        varchar NOT NULL,
        value          char(16) NOT NULL,
        PRIMARY KEY (application_id, purpose)
      )`);
    await db.query(OUTBOX_TABLE_SQL);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS registry_change_identifier, registry_change, outbox_events');
  }
}
