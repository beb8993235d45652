import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log is append-only for everyone but its owner (the migration role): the runtime
 * role gets INSERT and SELECT by the schema's default privileges like every table, and this
 * takes UPDATE, DELETE, TRUNCATE and the rest back from every role that is not the owner.
 * (Its triggers refuse edits anyway; only the owner could disable them, and the service does
 * not run as the owner — docs/security.md.) Re-provisioning keeps it so (scripts/lib/db-roles.mjs).
 */
export class AccessLogRuntimeGrants1767900000000 implements MigrationInterface {
  name = 'AccessLogRuntimeGrants1767900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      DECLARE grantee text;
      BEGIN
        FOR grantee IN SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
                        WHERE g.table_schema = 'public' AND g.table_name = 'access_log'
                          AND g.grantee <> current_user AND g.grantee <> 'PUBLIC'
                          AND g.privilege_type NOT IN ('INSERT', 'SELECT') LOOP
          EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON access_log FROM %I', grantee);
        END LOOP;
      END $$`);
    await queryRunner.query(`REVOKE ALL ON access_log FROM PUBLIC`);
  }

  async down(): Promise<void> {
    // Nothing to restore: the grants are the provisioning's.
  }
}
