import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a person sees of their own sessions (`GET /me/sessions`): a short description of the
 * device ("Chrome di Android", derived from the User-Agent by the gateway; the header itself is
 * not kept) and the address the session was last used from (sign-in, then each refresh). Both go
 * with their session row, which is swept a day after it ends (docs/security.md, "Sessions").
 */
export class SessionDevices1768500000000 implements MigrationInterface {
  name = 'SessionDevices1768500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE account_session ADD COLUMN device varchar(60), ADD COLUMN client_address varchar(100)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE account_session DROP COLUMN IF EXISTS client_address, DROP COLUMN IF EXISTS device`);
  }
}
