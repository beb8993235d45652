import type { MigrationInterface, QueryRunner } from 'typeorm';
import { IDEMPOTENCY_TABLE_SQL } from '#lib/platform/idempotency';

/** Keys of safe retries (API.md "Safe retries"), kept 24 hours. */
export class IdempotencyKeys1767800000000 implements MigrationInterface {
  name = 'IdempotencyKeys1767800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(IDEMPOTENCY_TABLE_SQL);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS idempotency_keys');
  }
}
