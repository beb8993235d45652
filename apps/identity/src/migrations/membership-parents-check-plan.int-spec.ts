import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dropTestDatabase, ensureDatabase, runMigrationStep, withDatabase } from '#lib/platform/db';
import { identityMigrations } from './index.js';
import {
  MEMBERSHIP_PERSON_CHECK,
  MembershipParentsCheckPlan1769000000000,
} from './1769000000000-membership-parents-check-plan.js';

/**
 * How PostgreSQL runs the memberships' parent check (real PostgreSQL, its plans read with
 * auto_explain, which PostgreSQL ships): for a statement of many rows one anti-join, never a probe
 * per row; for one row an index probe. The checks still refuse a missing parent
 * (membership-parents-by-statement.int-spec.ts runs against every migration, this one included).
 */
describe('migration MembershipParentsCheckPlan1769000000000', () => {
  const url = withDatabase(process.env['TEST_DATABASE_URL']!, `disduk_test_fmplan_${randomBytes(3).toString('hex')}`);
  const PEOPLE = 20_000;
  let db: DataSource;
  let client: pg.Client;
  const notices: string[] = [];

  /** The plan auto_explain gave the person check while `statement` ran. */
  async function personCheckPlan(statement: string): Promise<string> {
    notices.length = 0;
    await client.query('BEGIN');
    try {
      await client.query(statement);
    } finally {
      await client.query('ROLLBACK');
    }
    const plan = notices.find((notice) => notice.includes('FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM person'));
    if (plan === undefined) throw new Error(`no plan of the person check among ${notices.length} notices`);
    return plan;
  }

  const insertAll = `INSERT INTO family_membership (family_card_number, nik, relationship)
    SELECT '1602' || lpad((i / 4)::text, 12, '0'), '1602' || lpad(i::text, 12, '0'), 'ANAK'
      FROM generate_series(1, ${PEOPLE}) AS i`;
  const insertOne = `INSERT INTO family_membership (family_card_number, nik, relationship)
    VALUES ('1602000000000001', '1602000000000007', 'ANAK')`;

  beforeAll(async () => {
    await ensureDatabase(url);
    db = new DataSource({ type: 'postgres', url, entities: [], migrations: identityMigrations });
    await db.initialize();
    await db.runMigrations();
    await db.query(
      `INSERT INTO family (family_card_number, address, rt, rw, village_code, regency_code, postal_code)
       SELECT '1602' || lpad(i::text, 12, '0'), 'JL. MERDEKA NO. 1', '001', '002', '16.02.05.1002', '16.02', '30611'
         FROM generate_series(0, ${PEOPLE / 4}) AS i`,
    );
    await db.query(
      `INSERT INTO person (nik, full_name, sex, birth_place, birth_date, religion, education, occupation, blood_type,
                           marital_status, citizenship, father_name, mother_name, status)
       SELECT '1602' || lpad(i::text, 12, '0'), 'SITI AMINAH', 'PEREMPUAN', 'KAYU AGUNG', '1990-01-01', 'ISLAM',
              'SLTA/SEDERAJAT', 'PETANI/PEKEBUN', 'O', 'BELUM_KAWIN', 'WNI', 'AHMAD', 'FATIMAH', 'ACTIVE'
         FROM generate_series(1, ${PEOPLE}) AS i`,
    );
    await db.query('ANALYZE person, family');
    client = new pg.Client({ connectionString: url });
    await client.connect();
    client.on('notice', (notice) => notices.push(notice.message ?? ''));
    await client.query(`LOAD 'auto_explain'`);
    await client.query(`SET auto_explain.log_min_duration = 0`);
    await client.query(`SET auto_explain.log_nested_statements = on`);
    await client.query(`SET auto_explain.log_level = notice`);
  });

  afterAll(async () => {
    await client?.end();
    await db?.destroy();
    await dropTestDatabase(url);
  });

  it('checks a statement of many memberships with one anti-join, and one membership with an index probe', async () => {
    const many = await personCheckPlan(insertAll);
    expect(many).toContain('Anti Join');
    expect(many).not.toContain('Nested Loop');
    const one = await personCheckPlan(insertOne);
    expect(one).toMatch(/Index (Only )?Scan using person_pkey/);
  });

  it('goes back to the limited queries, whose plan probes the registry once per row', async () => {
    const migration = new MembershipParentsCheckPlan1769000000000();
    await runMigrationStep(db, migration, 'down');
    const many = await personCheckPlan(insertAll);
    expect(many).toContain(`${MEMBERSHIP_PERSON_CHECK} LIMIT 1`);
    expect(many).toContain('Nested Loop Anti Join');
    await runMigrationStep(db, migration, 'up');
    expect(await personCheckPlan(insertAll)).not.toContain('Nested Loop');
  });
});
