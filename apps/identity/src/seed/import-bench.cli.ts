import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { parseArgs, positiveInteger } from './cli-args.js';
import { syntheticImportCsv } from './synthetic-import.js';
import { installIdnAreaRegions } from '#lib/platform/regions';

// libs/domain does no I/O: this process hands it the idn-area-data regions first.
installIdnAreaRegions();

/**
 * `npm run bench:import [-- --rows 1000000]`: the registry import as a client sees it. Starts a
 * private NATS, a fresh database, the identity service and the gateway as separate processes
 * (as in production, each its own process), generates synthetic rows, posts them as one CSV
 * through `POST /api/v1/admin/residents/import`, and prints rows per second — for a first
 * import (all inserts) and for the same file again (all updates, nothing changes).
 */
interface Infra {
  freePort(): Promise<number>;
  startNats(options: { port: number; dataDir: string; configFile?: string }): Promise<ChildProcess>;
  waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void>;
}

function postWithoutDeadline(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers, timeout: 0 }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(parts).toString() }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // Issue #16's goal is stated for a first import of 1M rows: that is what the plain command measures.
  const rows = positiveInteger(args, 'rows', 1_000_000);
  const regencyCode = args.get('regency') ?? '16.02';
  const root = process.cwd();
  const infra = (await import(pathToFileURL(path.join(root, 'scripts/lib/infra.mjs')).href)) as Infra;
  const baseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = 'disduk_bench_identity';
  const databaseUrl = Object.assign(new URL(baseUrl), { pathname: `/${database}` }).toString();
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(baseUrl), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);

  // Authentication on, as deployed (docs/security.md): the generated NATS configuration, an
  // nkey per app, token keys from configuration.
  const natsConfig = (await import(pathToFileURL(path.join(root, 'scripts/nats-config.mjs')).href)) as {
    writeNatsSetup(options: { dir: string }): {
      configFile: string;
      peersFile: string;
      seedFiles: Record<string, string>;
    };
  };
  const natsSetup = natsConfig.writeNatsSetup({ dir: path.join(root, '.data/bench-nats-auth') });
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicJwk = { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid: 'bench-import', alg: 'ES256' };
  const natsPort = await infra.freePort();
  const gatewayPort = await infra.freePort();
  const children: ChildProcess[] = [
    await infra.startNats({
      port: natsPort,
      dataDir: path.join(root, '.data/bench-nats'),
      configFile: natsSetup.configFile,
    }),
  ];
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
    NATS_URL: `nats://127.0.0.1:${natsPort}`,
    NATS_PEERS_FILE: natsSetup.peersFile,
    JWT_PUBLIC_KEYS: JSON.stringify({ keys: [publicJwk] }),
    ADMIN_USERNAME: 'bench.admin',
    ADMIN_PASSWORD: 'bench-admin-password',
  };
  const start = (app: string, extra: Record<string, string>): void => {
    // BENCH_CPU_PROF=<dir>: a V8 CPU profile per thread of each app, in <dir>/<app> (identity's
    // import workers write their own); scripts/cpu-profile-summary.mjs <dir> reads them all.
    const profile = process.env['BENCH_CPU_PROF'];
    const nodeArgs =
      profile === undefined
        ? []
        : [
            '--cpu-prof',
            `--cpu-prof-dir=${path.resolve(profile, app)}`,
            `--import=${pathToFileURL(path.join(root, 'scripts/lib/exit-on-sigterm.mjs')).href}`,
          ];
    const child = spawn(process.execPath, [...nodeArgs, `dist/apps/${app}/src/main.js`], {
      env: { ...env, ...extra },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(child);
  };
  try {
    process.stdout.write(`Generating ${rows} synthetic rows…\n`);
    const { header, lines } = syntheticImportCsv(rows, regencyCode);
    const csv = `${header}\n${lines.join('\n')}\n`;
    const count = lines.length;
    start('identity', {
      DATABASE_URL: databaseUrl,
      HTTP_PORT: '0',
      NATS_NKEY_SEED_FILE: natsSetup.seedFiles['identity'],
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      JWT_KEY_ID: 'bench-import',
    });
    start('gateway', {
      PORT: String(gatewayPort),
      HOST: '127.0.0.1',
      NATS_NKEY_SEED_FILE: natsSetup.seedFiles['gateway'],
    });
    const url = `http://127.0.0.1:${gatewayPort}/api/v1`;
    let token = '';
    await infra.waitFor(
      async () => {
        try {
          const response = await fetch(`${url}/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'bench.admin', password: 'bench-admin-password' }),
          });
          if (response.status !== 200) return false;
          token = ((await response.json()) as { accessToken: string }).accessToken;
          return true;
        } catch {
          return false;
        }
      },
      60_000,
      'the identity service and the gateway',
    );
    for (const label of ['first import (inserts)', 'same file again (updates)']) {
      const started = performance.now();
      // node:http rather than fetch: fetch gives up on a response that takes over 300 s to start,
      // which a first import of millions of rows on a busy machine may.
      const response = await postWithoutDeadline(`${url}/admin/residents/import`, csv, {
        'content-type': 'text/csv',
        authorization: `Bearer ${token}`,
      });
      const body = JSON.parse(response.text) as { imported: number; updated: number; rejected: unknown[] };
      const seconds = (performance.now() - started) / 1000;
      if (response.status !== 200) throw new Error(`import answered ${response.status}: ${JSON.stringify(body)}`);
      process.stdout.write(
        `${label}: ${count} rows (${(csv.length / 1e6).toFixed(1)} MB) in ${seconds.toFixed(2)} s — ` +
          `${Math.round(count / seconds)} rows/s (imported ${body.imported}, updated ${body.updated}, rejected ${body.rejected.length})\n`,
      );
    }
  } finally {
    for (const child of children.reverse()) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // BENCH_KEEP_DB=1 keeps the imported registry, to EXPLAIN the merge's statements against it.
    if (process.env['BENCH_KEEP_DB'] !== '1') await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:import failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
