import pg from 'pg';
import type { DataSource, MigrationInterface } from 'typeorm';

/** The database name of a connection URL. */
export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unsupported database name in DATABASE_URL: "${name}"`);
  return name;
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Creates the database of `url` when it does not exist yet, connecting to the server's
 * `postgres` database to do so. Safe when several replicas race: a concurrent creation is fine.
 */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseNameOf(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return false;
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
      return true;
    } catch (error) {
      // 42P04 duplicate_database, 23505 a racing CREATE in the catalogue: someone else made it.
      const code = (error as { code?: string }).code;
      if (code === '42P04' || code === '23505') return false;
      throw error;
    }
  } finally {
    await admin.end();
  }
}

/** Drops a database; refuses any whose name does not say it is a test database. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  if (!name.includes('test')) throw new Error(`Refusing to drop "${name}": not a test database`);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Runs one migration's `up` or `down` on its own query runner (tests of a migration's two ways). */
export async function runMigrationStep(
  db: DataSource,
  migration: MigrationInterface,
  step: 'up' | 'down',
): Promise<void> {
  const runner = db.createQueryRunner();
  try {
    await migration[step](runner);
  } finally {
    await runner.release();
  }
}
