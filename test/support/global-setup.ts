import { randomBytes } from 'node:crypto';
import { canConnect, DEFAULT_DATABASE_URL, findBinary, hostPortOf, INSTALL_HINT } from '../../scripts/lib/infra.mjs';

/**
 * Before integration and whole-system tests: PostgreSQL must answer (each test stack creates
 * its own databases on it, named `disduk_test_*`), and nats-server must be installed (each
 * stack starts a private one). Fails at once with what to do, rather than with timeouts later.
 */
export default async function globalSetup(): Promise<void> {
  const databaseUrl = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL;
  const { host, port } = hostPortOf(databaseUrl, 5432);
  if (!(await canConnect(host, port))) {
    throw new Error(`PostgreSQL is not reachable at ${host}:${port}. ${INSTALL_HINT}`);
  }
  if (!findBinary(['nats-server'])) {
    throw new Error(`nats-server is not installed (the tests start private NATS servers). ${INSTALL_HINT}`);
  }
  process.env['TEST_DATABASE_URL'] = databaseUrl;
  process.env['TEST_RUN_ID'] ??= randomBytes(2).toString('hex');
}
