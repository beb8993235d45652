import type { MigrationInterface, QueryRunner } from 'typeorm';
import { chainAfter, GENESIS_HASH, type AccessLogContent } from '../access-log/access-log-chain.js';

interface LegacyRow {
  id: string;
  subject_nik: string;
  at: Date;
  actor_type: string;
  actor_id: string;
  actor_name: string;
  purpose: string;
  fields: string[];
  endpoint: string;
  correlation_id: string | null;
}

/**
 * Agency verification: per-minute quota counters shared by every replica, and the access log
 * made append-only and hash-chained (each entry commits to the one before; the head records the
 * last one, so removing the newest entries shows too). Rows written before this migration are
 * chained here, in id order.
 */
export class AgencyVerification1767550000000 implements MigrationInterface {
  name = 'AgencyVerification1767550000000';

  async up(db: QueryRunner): Promise<void> {
    // One counter per agency and minute; the window is the database clock's minute, the same
    // for every replica. Old windows are swept now and then by the service.
    await db.query(`
      CREATE TABLE agency_quota (
        agency_id uuid NOT NULL REFERENCES agency (account_id),
        window_start timestamptz NOT NULL,
        used bigint NOT NULL CHECK (used >= 0),
        PRIMARY KEY (agency_id, window_start)
      )`);

    await db.query(`ALTER TABLE access_log ADD COLUMN seq bigint, ADD COLUMN request_id uuid`);
    // A JavaScript Date carries milliseconds: what is hashed must be exactly what is stored.
    await db.query(`UPDATE access_log SET at = date_trunc('milliseconds', at)`);
    const legacy = (await db.query(
      `SELECT id, subject_nik, at, actor_type, actor_id, actor_name, purpose, fields, endpoint, correlation_id
         FROM access_log ORDER BY id`,
    )) as LegacyRow[];
    const { chained, head } = chainAfter(
      { seq: '0', hash: GENESIS_HASH },
      legacy.map((row): AccessLogContent => ({
        subjectNik: row.subject_nik,
        at: row.at,
        actorType: row.actor_type,
        actorId: row.actor_id,
        actorName: row.actor_name,
        purpose: row.purpose,
        fields: row.fields,
        endpoint: row.endpoint,
        correlationId: row.correlation_id,
        requestId: null,
      })),
    );
    for (let i = 0; i < chained.length; i++) {
      await db.query(`UPDATE access_log SET seq = $2, prev_hash = $3, hash = $4 WHERE id = $1`, [
        legacy[i].id,
        chained[i].seq,
        chained[i].prevHash,
        chained[i].hash,
      ]);
    }
    await db.query(`
      ALTER TABLE access_log
        ALTER COLUMN seq SET NOT NULL,
        ALTER COLUMN prev_hash SET NOT NULL,
        ALTER COLUMN hash SET NOT NULL`);
    // Not unique on purpose: the audit must be able to see (and report) a forged duplicate.
    await db.query(`CREATE INDEX access_log_seq_idx ON access_log (seq, id)`);

    await db.query(`
      CREATE TABLE access_log_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL,
        hash char(64) NOT NULL
      )`);
    await db.query(`INSERT INTO access_log_head (id, seq, hash) VALUES (1, $1, $2)`, [head.seq, head.hash]);

    // Append-only: the service never edits or removes an entry, and the database refuses to.
    // (An owner can still switch the trigger off; the chain is what catches that.)
    await db.query(`
      CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
        FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
    await db.query(`
      CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
        FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS access_log_no_truncate ON access_log`);
    await db.query(`DROP TRIGGER IF EXISTS access_log_append_only ON access_log`);
    await db.query(`DROP FUNCTION IF EXISTS access_log_append_only()`);
    await db.query(`DROP TABLE IF EXISTS access_log_head`);
    await db.query(`DROP INDEX IF EXISTS access_log_seq_idx`);
    await db.query(`ALTER TABLE access_log DROP COLUMN IF EXISTS seq, DROP COLUMN IF EXISTS request_id`);
    await db.query(`DROP TABLE IF EXISTS agency_quota`);
  }
}
