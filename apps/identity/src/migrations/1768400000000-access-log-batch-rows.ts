import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One access-log row per batch call (`POST /verifications/batch`) instead of one per NIK
 * (docs/security.md "Access log"; docs/benchmarks.md): the row holds every check of the call as
 * parallel arrays — `subject_niks`, `purposes`, `item_fields` (the fields compared, comma-
 * separated), `request_ids` — and is hashed once into the chain as version 2. Existing rows are
 * version 1 and keep their hashes.
 *
 * - A CHECK keeps each version's shape: a version-1 row names one subject and no arrays; a
 *   version-2 row names none and has arrays of one non-zero length (so the resident's view can
 *   read them item by item).
 * - `GET /me/access-log` finds a resident's batch checks through a GIN index on `subject_niks`
 *   (partial: version-2 rows only), one index entry per NIK instead of a heap row and four
 *   btree entries.
 * - The arrays are compressed with lz4 where the server has it (cheaper than pglz for the
 *   ≈ 60 kB of a 1,000-item row).
 */
export class AccessLogBatchRows1768400000000 implements MigrationInterface {
  name = 'AccessLogBatchRows1768400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE access_log
        ADD COLUMN version smallint NOT NULL DEFAULT 1,
        ADD COLUMN subject_niks text[],
        ADD COLUMN purposes text[],
        ADD COLUMN item_fields text[],
        ADD COLUMN request_ids uuid[],
        ALTER COLUMN subject_nik DROP NOT NULL,
        ALTER COLUMN purpose DROP NOT NULL,
        ALTER COLUMN fields DROP NOT NULL`);
    await db.query(`
      ALTER TABLE access_log ADD CONSTRAINT access_log_row_shape CHECK (
        (version = 1 AND subject_nik IS NOT NULL AND purpose IS NOT NULL AND fields IS NOT NULL
          AND subject_niks IS NULL AND purposes IS NULL AND item_fields IS NULL AND request_ids IS NULL)
        OR
        (version = 2 AND subject_nik IS NULL AND purpose IS NULL AND fields IS NULL AND request_id IS NULL
          AND cardinality(subject_niks) > 0
          AND cardinality(purposes) = cardinality(subject_niks)
          AND cardinality(item_fields) = cardinality(subject_niks)
          AND cardinality(request_ids) = cardinality(subject_niks))) NOT VALID`);
    await db.query(`ALTER TABLE access_log VALIDATE CONSTRAINT access_log_row_shape`);
    await db.query(`CREATE INDEX access_log_subjects_idx ON access_log USING gin (subject_niks) WHERE version = 2`);
    // lz4 needs a server built with it; pglz (the default) otherwise.
    await db.query(`
      DO $$
      BEGIN
        ALTER TABLE access_log ALTER COLUMN subject_niks SET COMPRESSION lz4,
                               ALTER COLUMN purposes SET COMPRESSION lz4,
                               ALTER COLUMN item_fields SET COMPRESSION lz4,
                               ALTER COLUMN request_ids SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    const batches = (await db.query(`SELECT count(*)::int AS n FROM access_log WHERE version = 2`)) as Array<{
      n: number;
    }>;
    if ((batches[0]?.n ?? 0) > 0) {
      throw new Error('The access log holds batch rows (version 2): they cannot be dropped from an append-only log');
    }
    await db.query(`DROP INDEX IF EXISTS access_log_subjects_idx`);
    await db.query(`ALTER TABLE access_log DROP CONSTRAINT IF EXISTS access_log_row_shape`);
    await db.query(`
      ALTER TABLE access_log
        ALTER COLUMN subject_nik SET NOT NULL,
        ALTER COLUMN purpose SET NOT NULL,
        ALTER COLUMN fields SET NOT NULL,
        DROP COLUMN request_ids,
        DROP COLUMN item_fields,
        DROP COLUMN purposes,
        DROP COLUMN subject_niks,
        DROP COLUMN version`);
  }
}
