import pg from 'pg';

/** Drops test databases this run left behind (a test that crashed before closing its stack). */
export default async function globalTeardown(): Promise<void> {
  const base = process.env['TEST_DATABASE_URL'];
  const run = process.env['TEST_RUN_ID'];
  if (!base || !run) return;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'disduk\\_test\\_' || $1 || '\\_%'",
      [run],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
