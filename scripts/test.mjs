#!/usr/bin/env node
// `npm test`: every tier (unit, integration, whole-system) in one jest run. Integration and
// whole-system tests need PostgreSQL (found, or started privately under .data/) and the
// nats-server binary (each test stack starts a private NATS server).
import { spawnSync } from 'node:child_process';
import { availableParallelism, totalmem } from 'node:os';
import path from 'node:path';
import {
  canConnect,
  DEFAULT_DATABASE_URL,
  freePort,
  hostPortOf,
  INSTALL_HINT,
  startPrivatePostgres,
} from './lib/infra.mjs';

const args = process.argv.slice(2);
// On 2 cores jest runs every suite in its own process (one worker is run in band), and each test
// stack's services live in that process too: its heap outgrows Node's default ~4 GB over the 120+
// suites. Half the machine's memory, at most 12 GB, and never less than the default.
const heapMb = Math.max(4096, Math.min(12_288, Math.floor(totalmem() / 1024 / 1024 / 2)));
const env = {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --max-old-space-size=${heapMb}`.trim(),
};
let privatePostgres;

const unitOnly = args.includes('unit') && args.includes('--selectProjects');
if (!unitOnly) {
  const databaseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const { host, port } = hostPortOf(databaseUrl, 5432);
  if (await canConnect(host, port)) {
    env.TEST_DATABASE_URL = databaseUrl;
  } else {
    console.log(`PostgreSQL is not answering at ${host}:${port}; starting a private one under .data/postgres-test`);
    try {
      privatePostgres = await startPrivatePostgres({
        port: await freePort(),
        dataDir: path.resolve('.data/postgres-test'),
      });
      env.TEST_DATABASE_URL = privatePostgres.url;
    } catch (error) {
      console.error(`Cannot run integration tests: ${error.message}. ${INSTALL_HINT}`);
      process.exit(1);
    }
  }
}

const runJest = (jestArgs) =>
  spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', ...jestArgs], { stdio: 'inherit', env }).status ?? 1;
let status;
if (args.length === 0) {
  // The whole suite in two runs. The unit tier is CPU-bound and keeps no shared state, so it runs
  // on every core (on 2 cores jest would otherwise run it in band: 77 s against 46 s here). The
  // tiers that start PostgreSQL databases, NATS servers and browsers keep jest's default.
  const unit = runJest(['--selectProjects', 'unit', `--maxWorkers=${Math.max(2, availableParallelism())}`]);
  const rest = runJest(['--selectProjects', 'integration', 'e2e', 'browser']);
  status = unit !== 0 ? unit : rest;
} else {
  status = runJest(args);
}
privatePostgres?.stop();
process.exit(status);
