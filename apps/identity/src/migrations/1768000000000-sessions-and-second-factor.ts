import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions (one per sign-in, refresh tokens stored as SHA-256 and rotated on every use), the
 * per-account state that makes tokens refusable at once (tokens_valid_after, disabled_at), the
 * forced password change after a reset, and the second factor (TOTP secret encrypted at rest,
 * hashed recovery codes, the short-lived challenge between password and code). The runtime role
 * gets its rights on the new tables by the schema's default privileges (scripts/lib/db-roles.mjs).
 */
export class SessionsAndSecondFactor1768000000000 implements MigrationInterface {
  name = 'SessionsAndSecondFactor1768000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE account
        ADD COLUMN tokens_valid_after timestamptz,
        ADD COLUMN password_change_required boolean NOT NULL DEFAULT false,
        ADD COLUMN last_login_at timestamptz,
        ADD COLUMN mfa_secret text,
        ADD COLUMN mfa_pending_secret text,
        ADD COLUMN mfa_enabled_at timestamptz,
        ADD COLUMN mfa_last_time_step bigint`);
    await db.query(`
      CREATE TABLE account_session (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason varchar(30)
      )`);
    await db.query(`CREATE INDEX account_session_open_idx ON account_session (account_id) WHERE revoked_at IS NULL`);
    // Every refresh token ever handed out, until its session is swept: a spent one presented
    // again reveals a stolen copy and ends its whole session.
    await db.query(`
      CREATE TABLE refresh_token (
        token_hash char(64) PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES account_session (id) ON DELETE CASCADE,
        issued_at timestamptz NOT NULL DEFAULT now(),
        spent_at timestamptz
      )`);
    await db.query(`CREATE INDEX refresh_token_session_idx ON refresh_token (session_id)`);
    await db.query(`
      CREATE TABLE mfa_recovery_code (
        account_id uuid NOT NULL REFERENCES account (id),
        code_hash char(64) NOT NULL,
        pending boolean NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (account_id, code_hash)
      )`);
    await db.query(`
      CREATE TABLE mfa_challenge (
        token_hash char(64) PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES account (id),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['mfa_challenge', 'mfa_recovery_code', 'refresh_token', 'account_session']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`
      ALTER TABLE account
        DROP COLUMN tokens_valid_after, DROP COLUMN password_change_required, DROP COLUMN last_login_at,
        DROP COLUMN mfa_secret, DROP COLUMN mfa_pending_secret, DROP COLUMN mfa_enabled_at,
        DROP COLUMN mfa_last_time_step`);
  }
}
