#!/usr/bin/env node
// `npm start`: the whole system on one machine, with demo data (not with `--no-demo` or DEMO_DATA=0;
// with NODE_ENV=production only when asked: `--demo` or DEMO_DATA=1).
//  1. builds dist/;
//  2. writes the NATS configuration (scripts/nats-config.mjs: an nkey per app, subject
//     permissions) under .data/nats-auth/ and starts its own nats-server with it — unless
//     NATS_URL names a server already running that configuration (a NATS without
//     authentication, such as one on 4222, is never used);
//  3. finds PostgreSQL (DATABASE_URL, a superuser connection, else 127.0.0.1:5432, else a
//     private one under .data/) and provisions each service's database with its owner
//     (migration) and runtime roles (scripts/lib/db-roles.mjs);
//  4. makes development keys under .data/dev/ (token signing key and its public JWKS, document
//     signing certificate, database role passwords);
//  5. starts identity, applications, documents and the gateway as separate processes with
//     prefixed, interleaved logs; waits for /api/v1/health; loads the demo data (see above);
//  6. an app that crashes is started again after a short pause (scripts/lib/supervisor.mjs);
//     Ctrl-C stops everything, private servers included, and so does an app that keeps crashing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import {
  canConnect,
  DEFAULT_DATABASE_URL,
  DEFAULT_NATS_URL,
  findBinary,
  freePort,
  hostPortOf,
  INSTALL_HINT,
  startNats,
  startPrivatePostgres,
  waitFor,
} from './lib/infra.mjs';
import { provisionServiceDatabase } from './lib/db-roles.mjs';
import { writeNatsSetup } from './nats-config.mjs';
import { createSupervisor } from './lib/supervisor.mjs';
import { NODE_FLAGS } from './lib/node-flags.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const dataDir = path.join(root, '.data');
const jsonLogs = process.env.LOG_FORMAT === 'json';
const colors = { gateway: 36, identity: 32, applications: 33, documents: 35, start: 37, nats: 34, postgres: 34 };
const cleanups = [];
let stopping = false;
const supervisor = createSupervisor({
  log: (app, text) => say(app, `\x1b[33m${text}\x1b[0m`),
  onGiveUp: (app) => fail(`${app} keeps crashing; stopping everything (see its log above)`),
});

function say(app, text) {
  const color = colors[app] ?? 37;
  process.stdout.write(`\x1b[${color}m${app.padEnd(12)}|\x1b[0m ${text}\n`);
}

function fail(message) {
  say('start', `\x1b[31m${message}\x1b[0m`);
  void shutdown(1);
}

/** A JSON log line made readable: time, level, message and the remaining fields. */
function humanise(line) {
  if (jsonLogs || !line.startsWith('{')) return line;
  try {
    const { time, level, msg, app: _app, instance: _instance, context, ...rest } = JSON.parse(line);
    const clock = typeof time === 'string' ? time.slice(11, 19) : '';
    const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
    const lvl = String(level ?? '')
      .toUpperCase()
      .padEnd(5);
    return `${clock} ${lvl} ${context ? `[${context}] ` : ''}${msg ?? ''}${extra}`;
  } catch {
    return line;
  }
}

/**
 * NATS_URL: a server that runs this checkout's .data/nats-auth/nats-server.conf (the apps
 * connect with the keys next to it). Otherwise our own server with that configuration.
 */
async function findNats(natsSetup) {
  if (process.env.NATS_URL) {
    const { host, port } = hostPortOf(process.env.NATS_URL, 4222);
    if (!(await canConnect(host, port))) return fail(`NATS_URL=${process.env.NATS_URL} does not answer.`);
    return process.env.NATS_URL;
  }
  if (!findBinary(['nats-server'])) return fail(`nats-server is not installed. ${INSTALL_HINT}`);
  const port = await freePort();
  const child = await startNats({ port, dataDir: path.join(dataDir, 'nats'), configFile: natsSetup.configFile });
  cleanups.push(() => child.kill('SIGTERM'));
  say('nats', `started NATS (JetStream, an nkey per app) on port ${port}, configuration .data/nats-auth`);
  if (await canConnect('127.0.0.1', 4222))
    say('nats', `(the server on ${DEFAULT_NATS_URL} has no authentication: not used)`);
  return `nats://127.0.0.1:${port}`;
}

async function findPostgres() {
  if (process.env.DATABASE_URL) {
    const { host, port } = hostPortOf(process.env.DATABASE_URL, 5432);
    if (!(await canConnect(host, port))) return fail(`DATABASE_URL points at ${host}:${port}, which does not answer.`);
    return process.env.DATABASE_URL;
  }
  if (await canConnect('127.0.0.1', 5432)) {
    say('postgres', 'using the PostgreSQL server at 127.0.0.1:5432');
    return DEFAULT_DATABASE_URL;
  }
  try {
    const port = await freePort();
    const pg = await startPrivatePostgres({ port, dataDir: path.join(dataDir, 'postgres') });
    cleanups.push(() => pg.stop());
    say('postgres', `started a private PostgreSQL on port ${port}, data in .data/postgres`);
    return pg.url;
  } catch (error) {
    return fail(
      `No PostgreSQL answers on 127.0.0.1:5432 and a private one could not start (${error.message}). ${INSTALL_HINT}`,
    );
  }
}

/** Keys that replicas must share, made once per checkout (development only). */
function developmentSecrets() {
  const dir = path.join(dataDir, 'dev');
  mkdirSync(dir, { recursive: true });
  const jwtKeyFile = path.join(dir, 'jwt-signing-key.pem');
  if (!existsSync(jwtKeyFile)) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(jwtKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  // Its public half is every app's token verification key (JWT_PUBLIC_KEYS), from a file.
  const jwksFile = path.join(dir, 'jwt-public-keys.json');
  const publicJwk = createPublicKey(readFileSync(jwtKeyFile, 'utf8')).export({ format: 'jwk' });
  writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...publicJwk, kid: 'dev-1', alg: 'ES256', use: 'sig' }] }));
  const dbPasswordsFile = path.join(dir, 'database-passwords.json');
  if (!existsSync(dbPasswordsFile)) {
    const passwords = Object.fromEntries(
      ['identity', 'applications', 'documents'].flatMap((s) => [
        [`${s}_owner`, randomBytes(18).toString('base64url')],
        [`${s}_app`, randomBytes(18).toString('base64url')],
      ]),
    );
    writeFileSync(dbPasswordsFile, JSON.stringify(passwords), { mode: 0o600 });
  }
  // The documents service makes its self-signed development certificate at this path on first
  // start, with its development passphrase (SIGNING_P12_PASSPHRASE overrides it).
  return {
    jwksFile,
    dbPasswords: JSON.parse(readFileSync(dbPasswordsFile, 'utf8')),
    identity: { JWT_PRIVATE_KEY: readFileSync(jwtKeyFile, 'utf8'), JWT_KEY_ID: 'dev-1' },
    documents: { SIGNING_P12_PATH: path.join(dir, 'signing-certificate.p12') },
  };
}

function startApp(app, env) {
  supervisor.start(app, {
    command: process.execPath,
    args: ['--enable-source-maps', ...(NODE_FLAGS[app] ?? []), `dist/apps/${app}/src/main.js`],
    env: { ...process.env, ...env },
    onOutput: (child) => {
      for (const stream of [child.stdout, child.stderr]) {
        readline.createInterface({ input: stream }).on('line', (line) => say(app, humanise(line)));
      }
    },
  });
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  say('start', 'stopping…');
  await supervisor.stopAll({ timeoutMs: 10_000 });
  for (const cleanup of cleanups.reverse()) {
    try {
      cleanup();
    } catch (error) {
      say('start', `cleanup failed: ${error.message}`);
    }
  }
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

say('start', 'building…');
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
  say('start', 'the build failed');
  process.exit(1);
}

// Demo data in development unless declined; in production only when asked for (issue #12: its
// accounts have published passwords).
const production = process.env.NODE_ENV === 'production';
const demoAsked = process.argv.includes('--demo') || process.env.DEMO_DATA === '1';
const demoDeclined = process.argv.includes('--no-demo') || process.env.DEMO_DATA === '0';
const demoData = demoAsked || (!production && !demoDeclined);
const natsSetup = writeNatsSetup({ dir: path.join(dataDir, 'nats-auth') });
const natsUrl = await findNats(natsSetup);
const databaseUrl = await findPostgres();
if (!natsUrl || !databaseUrl) await new Promise(() => {}); // fail() is shutting down
const secrets = developmentSecrets();
const databases = {};
try {
  for (const service of ['identity', 'applications', 'documents']) {
    databases[service] = await provisionServiceDatabase({
      adminUrl: databaseUrl,
      database: `disduk_${service}`,
      service,
      ownerPassword: secrets.dbPasswords[`${service}_owner`],
      runtimePassword: secrets.dbPasswords[`${service}_app`],
    });
  }
  say('postgres', 'each service has its owner (migrations) and runtime role');
} catch (error) {
  fail(
    `Could not provision the databases as ${new URL(databaseUrl).username} (a superuser is needed): ${error.message}`,
  );
  await new Promise(() => {});
}
const port = process.env.PORT ?? '3000';
const common = {
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  NATS_URL: natsUrl,
  NATS_PEERS_FILE: natsSetup.peersFile,
  JWT_PUBLIC_KEYS_FILE: secrets.jwksFile,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  ADMIN_USERNAME: process.env.ADMIN_USERNAME ?? 'admin',
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? 'admin-dev-password',
};
const nkey = (app) => ({ NATS_NKEY_SEED_FILE: natsSetup.seedFiles[app] });

for (const service of ['identity', 'applications', 'documents']) {
  startApp(service, {
    ...common,
    ...nkey(service),
    ...(secrets[service] ?? {}),
    DATABASE_URL: databases[service].runtimeUrl,
    DATABASE_MIGRATION_URL: databases[service].ownerUrl,
  });
}
startApp('gateway', { ...common, ...nkey('gateway'), PORT: port });

const healthUrl = `http://127.0.0.1:${port}/api/v1/health`;
try {
  await waitFor(
    async () => {
      try {
        return (await fetch(healthUrl)).status === 200;
      } catch {
        return false;
      }
    },
    90_000,
    'the gateway to report every part healthy',
  );
} catch (error) {
  fail(`${error.message}; see the logs above.`);
}

const demo = path.join(root, 'dist/apps/identity/src/seed/seed-demo.cli.js');
if (demoData && existsSync(demo)) {
  const seeded = spawnSync(process.execPath, [demo], {
    // An operator's tool: it runs as the migration role, like the migrations it may bring up to date.
    env: { ...process.env, ...common, DATABASE_URL: databases.identity.ownerUrl },
    encoding: 'utf8',
  });
  for (const line of `${seeded.stdout}${seeded.stderr}`.split('\n').filter(Boolean)) say('start', line);
} else if (!demoData) {
  say(
    'start',
    production
      ? 'no demo data (NODE_ENV=production: only with `npm start -- --demo` or DEMO_DATA=1)'
      : 'no demo data (asked with --no-demo or DEMO_DATA=0)',
  );
}

say('start', `\x1b[1mThe system is up: http://localhost:${port}/\x1b[0m`);
say('start', `API documentation: http://localhost:${port}/api/docs — health: ${healthUrl}`);
say('start', `Administrator: ${common.ADMIN_USERNAME} / ${common.ADMIN_PASSWORD} — Ctrl-C stops everything.`);
