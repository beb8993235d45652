#!/usr/bin/env node
// `npm start`: the whole system on one machine, with demo data.
//  1. builds dist/;
//  2. finds NATS and PostgreSQL (NATS_URL / DATABASE_URL, else the standard local ports), or
//     starts private ones under .data/ from the installed binaries, or says what to install;
//  3. makes development keys under .data/dev/ (token signing key, document signing certificate);
//  4. starts identity, applications, documents and the gateway as separate processes with
//     prefixed, interleaved logs; waits for /api/v1/health; loads the demo data; prints the URL;
//  5. an app that crashes is started again after a short pause (scripts/lib/supervisor.mjs);
//     Ctrl-C stops everything, private servers included, and so does an app that keeps crashing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
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
import { createSupervisor } from './lib/supervisor.mjs';

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

async function findNats() {
  if (process.env.NATS_URL) {
    const { host, port } = hostPortOf(process.env.NATS_URL, 4222);
    if (!(await canConnect(host, port))) return fail(`NATS_URL=${process.env.NATS_URL} does not answer.`);
    return process.env.NATS_URL;
  }
  if (await canConnect('127.0.0.1', 4222)) {
    say('nats', `using the NATS server at ${DEFAULT_NATS_URL}`);
    return DEFAULT_NATS_URL;
  }
  if (!findBinary(['nats-server']))
    return fail(`No NATS server answers on 127.0.0.1:4222 and nats-server is not installed. ${INSTALL_HINT}`);
  const port = await freePort();
  const child = await startNats({ port, dataDir: path.join(dataDir, 'nats') });
  cleanups.push(() => child.kill('SIGTERM'));
  say('nats', `started a private NATS server (JetStream) on port ${port}, data in .data/nats`);
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
  // The documents service makes its self-signed development certificate at this path on first
  // start, with its development passphrase (SIGNING_P12_PASSPHRASE overrides it).
  return {
    JWT_PRIVATE_KEY: readFileSync(jwtKeyFile, 'utf8'),
    JWT_KEY_ID: 'dev-1',
    SIGNING_P12_PATH: path.join(dir, 'signing-certificate.p12'),
  };
}

function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function startApp(app, env) {
  supervisor.start(app, {
    command: process.execPath,
    args: ['--enable-source-maps', `dist/apps/${app}/src/main.js`],
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

const natsUrl = await findNats();
const databaseUrl = await findPostgres();
if (!natsUrl || !databaseUrl) await new Promise(() => {}); // fail() is shutting down
const secrets = developmentSecrets();
const port = process.env.PORT ?? '3000';
const common = {
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  NATS_URL: natsUrl,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  ADMIN_USERNAME: process.env.ADMIN_USERNAME ?? 'admin',
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? 'admin-dev-password',
};

for (const service of ['identity', 'applications', 'documents']) {
  startApp(service, {
    ...common,
    ...secrets,
    DATABASE_URL: withDatabase(databaseUrl, `disduk_${service}`),
  });
}
startApp('gateway', { ...common, PORT: port });

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
if (existsSync(demo)) {
  const seeded = spawnSync(process.execPath, [demo], {
    env: { ...process.env, ...common, DATABASE_URL: withDatabase(databaseUrl, 'disduk_identity') },
    encoding: 'utf8',
  });
  for (const line of `${seeded.stdout}${seeded.stderr}`.split('\n').filter(Boolean)) say('start', line);
}

say('start', `\x1b[1mThe system is up: http://localhost:${port}/\x1b[0m`);
say('start', `API documentation: http://localhost:${port}/api/docs — health: ${healthUrl}`);
say('start', `Administrator: ${common.ADMIN_USERNAME} / ${common.ADMIN_PASSWORD} — Ctrl-C stops everything.`);
