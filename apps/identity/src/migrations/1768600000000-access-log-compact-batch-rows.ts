import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batch rows of the access log written compactly (chain version 3; docs/security.md "Access
 * log", docs/benchmarks.md "Sixth round"): what every check of a call shares is stored once.
 *
 * - `purposes` and `item_fields` hold one value per NIK, or one value for all of them.
 * - `request_ids` is not written: `request_id` holds the first item's id (a UUID ending in 000),
 *   and item k's id is that UUID with its last three hex digits set to k.
 * - A resident's batch checks are found by a GIN index on the NIKs as bigint (16 digits fit),
 *   whose comparisons cost less than text's under the database's collation; it covers versions
 *   2 and 3 and replaces the text index of version 2.
 *
 * Version-1 and version-2 rows keep their shape and hashes.
 */
/** The shapes of versions 1 and 2, as migration 1768400000000 wrote them. */
const VERSIONS_1_AND_2 = `
        (version = 1 AND subject_nik IS NOT NULL AND purpose IS NOT NULL AND fields IS NOT NULL
          AND subject_niks IS NULL AND purposes IS NULL AND item_fields IS NULL AND request_ids IS NULL)
        OR
        (version = 2 AND subject_nik IS NULL AND purpose IS NULL AND fields IS NULL AND request_id IS NULL
          AND cardinality(subject_niks) > 0
          AND cardinality(purposes) = cardinality(subject_niks)
          AND cardinality(item_fields) = cardinality(subject_niks)
          AND cardinality(request_ids) = cardinality(subject_niks))`;

export class AccessLogCompactBatchRows1768600000000 implements MigrationInterface {
  name = 'AccessLogCompactBatchRows1768600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE access_log DROP CONSTRAINT access_log_row_shape`);
    await db.query(`
      ALTER TABLE access_log ADD CONSTRAINT access_log_row_shape CHECK (
${VERSIONS_1_AND_2}
        OR
        (version = 3 AND subject_nik IS NULL AND purpose IS NULL AND fields IS NULL AND request_ids IS NULL
          AND request_id IS NOT NULL AND right(request_id::text, 3) = '000'
          AND cardinality(subject_niks) BETWEEN 1 AND 4096
          AND cardinality(purposes) IN (1, cardinality(subject_niks))
          AND cardinality(item_fields) IN (1, cardinality(subject_niks)))) NOT VALID`);
    await db.query(`ALTER TABLE access_log VALIDATE CONSTRAINT access_log_row_shape`);
    await db.query(`
      CREATE INDEX access_log_subject_numbers_idx ON access_log USING gin ((subject_niks::bigint[]))
       WHERE version >= 2`);
    await db.query(`DROP INDEX access_log_subjects_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    const rows = (await db.query(`SELECT count(*)::int AS n FROM access_log WHERE version = 3`)) as Array<{
      n: number;
    }>;
    if ((rows[0]?.n ?? 0) > 0) {
      throw new Error(
        'The access log holds compact batch rows (version 3): they cannot be dropped from an append-only log',
      );
    }
    await db.query(`CREATE INDEX access_log_subjects_idx ON access_log USING gin (subject_niks) WHERE version = 2`);
    await db.query(`DROP INDEX access_log_subject_numbers_idx`);
    await db.query(`ALTER TABLE access_log DROP CONSTRAINT access_log_row_shape`);
    await db.query(`
      ALTER TABLE access_log ADD CONSTRAINT access_log_row_shape CHECK (
${VERSIONS_1_AND_2})`);
  }
}
