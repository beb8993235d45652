import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { regionDirectory } from '#lib/domain';
import { createLogger } from '#lib/platform/core';
import { openDatabase } from '#lib/platform/db';
import { copyLine } from '../import/copy-text.js';
import { identityMigrations } from '../migrations/index.js';
import { PopulationGenerator, type SyntheticFamily } from './population-generator.js';

export const DEFAULT_IDENTITY_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/disduk_identity';

export interface SeedOptions {
  databaseUrl: string;
  regencyCode: string;
  people: number;
  seed: number;
  /** Called with each family as it is written (the demo picks its families from these). */
  onFamily?: (family: SyntheticFamily) => void;
}

export interface SeedResult {
  families: number;
  people: number;
  /** People added (those already present are left as they are). */
  added: number;
  seconds: number;
}

/** Brings the identity database's schema up to date, as the service does at start. */
export async function migrateIdentityDatabase(databaseUrl: string): Promise<void> {
  const dataSource = await openDatabase(
    { url: databaseUrl, poolSize: 2, entities: [], migrations: identityMigrations },
    createLogger({ app: 'seed', level: 'warn' }),
  );
  await dataSource.destroy();
}

const BATCH_PEOPLE = 50_000;

/**
 * Writes a synthetic population straight into the identity database with COPY, in batches: each
 * batch goes into temporary staging tables and is merged with `ON CONFLICT DO NOTHING`, so
 * running the same seed again adds nothing and a person already registered is never changed.
 */
export async function seedPopulation(options: SeedOptions): Promise<SeedResult> {
  if (regionDirectory().find(options.regencyCode, 'regency') === undefined) {
    throw new Error(`"${options.regencyCode}" is not a regency code of idn-area-data (e.g. 16.02)`);
  }
  const started = performance.now();
  await migrateIdentityDatabase(options.databaseUrl);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const generator = new PopulationGenerator({ regencyCode: options.regencyCode, seed: options.seed });
  let families = 0;
  let people = 0;
  let added = 0;
  try {
    await client.query(`
      CREATE TEMP TABLE seed_family (LIKE family INCLUDING DEFAULTS);
      CREATE TEMP TABLE seed_person (LIKE person INCLUDING DEFAULTS);
      CREATE TEMP TABLE seed_member (family_card_number char(16), nik char(16), relationship varchar(20));`);
    let batch: SyntheticFamily[] = [];
    let batchPeople = 0;
    for (const family of generator.families(options.people)) {
      options.onFamily?.(family);
      batch.push(family);
      batchPeople += family.members.length;
      families++;
      people += family.members.length;
      if (batchPeople >= BATCH_PEOPLE) {
        added += await writeBatch(client, batch);
        batch = [];
        batchPeople = 0;
      }
    }
    if (batch.length > 0) added += await writeBatch(client, batch);
  } finally {
    await client.end();
  }
  return { families, people, added, seconds: (performance.now() - started) / 1000 };
}

async function copyInto(client: pg.Client, table: string, columns: string, data: string): Promise<void> {
  await pipeline(Readable.from([data]), client.query(copyStreams.from(`COPY ${table} (${columns}) FROM STDIN`)));
}

async function writeBatch(client: pg.Client, batch: readonly SyntheticFamily[]): Promise<number> {
  const regions = regionDirectory();
  let familyData = '';
  let personData = '';
  let memberData = '';
  for (const family of batch) {
    const regency = regions.regencyOf(family.villageCode)?.code ?? '';
    familyData += copyLine([
      family.familyCardNumber,
      family.address,
      family.rt,
      family.rw,
      family.villageCode,
      regency,
      family.postalCode,
    ]);
    for (const p of family.members) {
      personData += copyLine([
        p.nik,
        p.fullName,
        p.sex,
        p.birthPlace,
        p.birthDate,
        p.religion,
        p.education,
        p.occupation,
        p.bloodType,
        p.maritalStatus,
        p.marriageDate ?? null,
        p.citizenship,
        null,
        null,
        p.fatherName,
        p.motherName,
        p.status,
      ]);
      memberData += copyLine([family.familyCardNumber, p.nik, p.relationship]);
    }
  }
  await client.query('BEGIN');
  try {
    await client.query('TRUNCATE seed_family, seed_person, seed_member');
    await copyInto(
      client,
      'seed_family',
      'family_card_number, address, rt, rw, village_code, regency_code, postal_code',
      familyData,
    );
    await copyInto(
      client,
      'seed_person',
      `nik, full_name, sex, birth_place, birth_date, religion, education, occupation, blood_type, marital_status,
       marriage_date, citizenship, passport_number, kitap_number, father_name, mother_name, status`,
      personData,
    );
    await copyInto(client, 'seed_member', 'family_card_number, nik, relationship', memberData);
    await client.query(`INSERT INTO family SELECT * FROM seed_family ON CONFLICT DO NOTHING`);
    const inserted = await client.query(`INSERT INTO person SELECT * FROM seed_person ON CONFLICT DO NOTHING`);
    // Only people without a family yet join one: a re-run never moves anybody.
    await client.query(`
      INSERT INTO family_membership (family_card_number, nik, relationship)
      SELECT s.family_card_number, s.nik, s.relationship FROM seed_member s
       WHERE NOT EXISTS (SELECT 1 FROM family_membership m WHERE m.nik = s.nik AND m.left_at IS NULL)`);
    await client.query('COMMIT');
    return inserted.rowCount ?? 0;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
