#!/usr/bin/env node
// `npm run chaos`: the fault drill of docs/reliability.md, on this machine only (127.0.0.1).
//  1. starts its own stack: a private NATS server and, when the PostgreSQL binaries are installed,
//     a private PostgreSQL cluster (both in a scratch folder), and the four apps from dist/ under
//     the supervisor of `npm start`; loads a synthetic registry, staff and resident accounts;
//  2. no fault: CHAOS_APPROVALS (default 300) approvals sent 16 at a time, approve → ISSUED times;
//  3. faults: as many approvals again, paced over the drill, while each app is killed with SIGKILL
//     (the supervisor starts it again), NATS is killed and restarted, and PostgreSQL is stopped and
//     started, CHAOS_ROUNDS (default 2) times each. Clients retry with the same Idempotency-Key;
//  4. checks through the API and in SQL: every application ISSUED, exactly one document set each,
//     no unpublished outbox row, no dead letter; prints the figures and writes them with the date
//     into docs/reliability.md (CHAOS_WRITE_DOCS=0 leaves the file alone). Exit code 1 on a failed
//     check. Bounded: CHAOS_TIMEOUT_S (default 900) for the whole drill. The recovery goal (last
//     ISSUED within 15 s of the last fault) is a check of this run; CHAOS_TIMING_GOAL=0 prints the
//     figure without judging it (the test suite's short drill: a timing is not a test's to assert,
//     and a loaded CI machine would fail it by a fraction of a second).
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';
import {
  DEFAULT_DATABASE_URL,
  findPostgresBinaries,
  freePort,
  startNats,
  startPrivatePostgres,
  waitFor,
} from './lib/infra.mjs';
import { createSupervisor } from './lib/supervisor.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const N = Number(process.env.CHAOS_APPROVALS ?? 300);
const NO_FAULT_N = Number(process.env.CHAOS_NO_FAULT_APPROVALS ?? N);
const ROUNDS = Number(process.env.CHAOS_ROUNDS ?? 2);
const FAULT_GAP_MS = Number(process.env.CHAOS_FAULT_GAP_MS ?? 4000);
const TIMEOUT_S = Number(process.env.CHAOS_TIMEOUT_S ?? 900);
const WRITE_DOCS = process.env.CHAOS_WRITE_DOCS !== '0';
const TIMING_GOAL = process.env.CHAOS_TIMING_GOAL !== '0';
const CONCURRENCY = 16;
const PASSWORD = 'Chaos-Warga-2026';
const SERVICES = ['identity', 'applications', 'documents'];
const APPS = [...SERVICES, 'gateway'];

if (!existsSync('dist/apps/gateway/src/main.js')) {
  console.error('chaos: dist/ is missing; run `npm run chaos` (it builds first)');
  process.exit(1);
}
const pg = (await import('pg')).default;
const argon2 = (await import('argon2')).default;
const distUrl = (file) => pathToFileURL(path.join(root, 'dist', file)).href;
const { seedDemo, DEMO_STAFF_PASSWORD } = await import(distUrl('apps/identity/src/seed/demo-seed.js'));
const { installIdnAreaRegions } = await import(distUrl('libs/platform/src/regions/index.js'));
installIdnAreaRegions();
const { PASSWORD_HASH_OPTIONS } = await import(distUrl('apps/identity/src/accounts/password-hasher.js'));

const started = Date.now();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'disduk-chaos-'));
// PostgreSQL runs as its own user when we are root: it must reach its data folder inside.
chmodSync(scratch, 0o755);
const logFile = createWriteStream(path.join(scratch, 'apps.log'));
const say = (text) => process.stdout.write(`chaos | ${text}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const cleanups = [];
let supervisor;
let exitCode = 0;

// Whatever fails, the servers and apps started here are stopped.
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (error) => {
    say(`\x1b[31mfailed: ${error?.stack ?? error}\x1b[0m`);
    void finish(1);
  });
}
process.on('SIGINT', () => void finish(130));
process.on('SIGTERM', () => void finish(143));

const watchdog = setTimeout(() => {
  say(`\x1b[31mgave up after ${TIMEOUT_S} s\x1b[0m (logs: ${scratch}/apps.log)`);
  void finish(1);
}, TIMEOUT_S * 1000);

let finishing = false;
async function finish(code) {
  if (finishing) return;
  finishing = true;
  clearTimeout(watchdog);
  await supervisor?.stopAll({ timeoutMs: 5000 });
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      say(`cleanup failed: ${error.message}`);
    }
  }
  if (code === 0 && process.env.CHAOS_KEEP_LOGS !== '1') rmSync(scratch, { recursive: true, force: true });
  else say(`logs kept in ${scratch}`);
  process.exit(code);
}

// ---------------------------------------------------------------- infrastructure
const natsPort = await freePort();
const natsDir = path.join(scratch, 'nats');
// Authentication on, as deployed (docs/security.md): the generated configuration, an nkey per app.
const { writeNatsSetup } = await import('./nats-config.mjs');
const natsSetup = writeNatsSetup({ dir: path.join(scratch, 'nats-auth') });
let nats = await startNats({ port: natsPort, dataDir: natsDir, configFile: natsSetup.configFile });
cleanups.push(() => nats?.kill('SIGKILL'));
const natsUrl = `nats://127.0.0.1:${natsPort}`;

const pgDir = path.join(scratch, 'postgres');
let pgPort;
let postgres;
let serverUrl;
if (findPostgresBinaries()) {
  pgPort = await freePort();
  postgres = await startPrivatePostgres({ port: pgPort, dataDir: pgDir });
  cleanups.push(() => postgres?.stop());
  serverUrl = postgres.url;
  say(`private NATS on ${natsPort}, private PostgreSQL on ${pgPort} (${scratch})`);
} else {
  serverUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  say(
    `private NATS on ${natsPort}; PostgreSQL binaries not installed: using ${new URL(serverUrl).host}, no PostgreSQL fault`,
  );
}
// Scratch databases are named as test databases: they are dropped at the end.
const runId = `test_chaos_${process.pid}`;
const dbUrl = (service) => {
  const url = new URL(serverUrl);
  url.pathname = `/disduk_${runId}_${service}`;
  return url.toString();
};
if (!postgres) {
  cleanups.push(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (const service of SERVICES)
      await admin.query(`DROP DATABASE IF EXISTS disduk_${runId}_${service} WITH (FORCE)`);
    await admin.end();
  });
}

// ---------------------------------------------------------------- apps
const gatewayPort = await freePort();
const api = `http://127.0.0.1:${gatewayPort}/api/v1`;
const keyDir = path.join(scratch, 'keys');
const { createPublicKey, generateKeyPairSync } = await import('node:crypto');
const jwtPrivateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
const jwtKey = jwtPrivateKey.export({ type: 'pkcs8', format: 'pem' });
const jwks = { keys: [{ ...createPublicKey(jwtPrivateKey).export({ format: 'jwk' }), kid: 'chaos-1', alg: 'ES256' }] };
const common = {
  ...process.env,
  NODE_ENV: 'development',
  NATS_URL: natsUrl,
  LOG_LEVEL: 'info',
  LOG_FORMAT: 'json',
  ADMIN_USERNAME: 'admin',
  ADMIN_PASSWORD: 'chaos-admin-password',
  JWT_PRIVATE_KEY: jwtKey,
  JWT_KEY_ID: 'chaos-1',
  JWT_PUBLIC_KEYS: JSON.stringify(jwks),
  NATS_PEERS_FILE: natsSetup.peersFile,
};
const envOf = (app) =>
  app === 'gateway'
    ? { ...common, NATS_NKEY_SEED_FILE: natsSetup.seedFiles.gateway, PORT: String(gatewayPort), HOST: '127.0.0.1' }
    : {
        ...common,
        NATS_NKEY_SEED_FILE: natsSetup.seedFiles[app],
        DATABASE_URL: dbUrl(app),
        PUBLIC_BASE_URL: `http://127.0.0.1:${gatewayPort}`,
        SIGNING_P12_PATH: path.join(keyDir, 'signing-certificate.p12'),
      };

const counts = { redelivered: 0, deadLettered: 0, restarts: 0 };
supervisor = createSupervisor({
  log: (app, text) => {
    logFile.write(`${app} | supervisor: ${text}\n`);
    if (text.startsWith('restarted')) counts.restarts += 1;
  },
  onGiveUp: (app) => {
    say(`\x1b[31m${app} keeps crashing\x1b[0m`);
    void finish(1);
  },
  policy: { maxCrashes: 50, windowMs: 60_000, maxBackoffMs: 2000 },
});
for (const app of APPS) {
  supervisor.start(app, {
    command: process.execPath,
    args: [
      '--enable-source-maps',
      // CHAOS_CPU_PROF=<folder>: a V8 CPU profile of each app, written when it stops.
      ...(process.env.CHAOS_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.CHAOS_CPU_PROF)}`]
        : []),
      `dist/apps/${app}/src/main.js`,
    ],
    env: envOf(app),
    onOutput: (child) => {
      for (const stream of [child.stdout, child.stderr]) {
        readline.createInterface({ input: stream }).on('line', (line) => {
          logFile.write(`${app} | ${line}\n`);
          if (line.includes('"Event redelivered"')) counts.redelivered += 1;
          if (line.includes('Event dead-lettered')) counts.deadLettered += 1;
        });
      }
    },
  });
}

async function healthy() {
  try {
    return (await fetch(`${api}/health`, { signal: AbortSignal.timeout(3000) })).status === 200;
  } catch {
    return false;
  }
}
await waitFor(healthy, 120_000, 'the stack to report healthy');
say(`stack up in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// ---------------------------------------------------------------- data
const families = [];
{
  const need = NO_FAULT_N + N;
  const seeded = await seedDemo({ databaseUrl: dbUrl('identity'), people: Math.max(3000, need * 6) });
  const db = new pg.Client({ connectionString: dbUrl('identity') });
  await db.connect();
  // Heads of families whose members are all active: each applies once for a replacement KK.
  const { rows } = await db.query(
    `SELECT fm.family_card_number AS kk, fm.nik
       FROM family_membership fm
      WHERE fm.relationship = 'KEPALA_KELUARGA' AND fm.left_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM family_membership m JOIN person p ON p.nik = m.nik
                         WHERE m.family_card_number = fm.family_card_number AND m.left_at IS NULL
                           AND p.status <> 'ACTIVE')
        AND NOT EXISTS (SELECT 1 FROM account a WHERE a.nik = fm.nik)
      ORDER BY fm.family_card_number LIMIT $1`,
    [need],
  );
  if (rows.length < need) throw new Error(`only ${rows.length} families for ${need} applications`);
  const hash = await argon2.hash(PASSWORD, PASSWORD_HASH_OPTIONS);
  for (const row of rows) {
    await db.query(`INSERT INTO account (id, role, nik, password_hash) VALUES ($1, 'RESIDENT', $2, $3)`, [
      randomUUID(),
      row.nik,
      hash,
    ]);
    families.push({ kk: row.kk.trim(), nik: row.nik.trim() });
  }
  await db.end();
  say(`registry: ${seeded.people} synthetic people, ${families.length} resident accounts`);
}

/**
 * Access tokens live 15 minutes and a full drill runs longer: a token refused (401) is replaced
 * by signing in again with the same credentials, once, and the request sent again.
 */
const credentialsOf = new Map();
const renewed = new Map();
const currentToken = (token) => {
  let latest = token;
  while (renewed.has(latest)) latest = renewed.get(latest);
  return latest;
};

async function call(method, route, token, body, headers = {}) {
  const reply = await callOnce(method, route, token === undefined ? undefined : currentToken(token), body, headers);
  const credentials = token === undefined ? undefined : credentialsOf.get(currentToken(token));
  if (reply.status !== 401 || credentials === undefined) return reply;
  const fresh = await login(credentials.username, credentials.password);
  renewed.set(currentToken(token), fresh);
  return callOnce(method, route, fresh, body, headers);
}

async function callOnce(method, route, token, body, headers = {}) {
  const response = await fetch(`${api}${route}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Runs `work` over `items`, `width` at a time. */
async function pool(items, width, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

const login = async (username, password) => {
  const reply = await call('POST', '/auth/login', undefined, { username, password });
  if (reply.status !== 200) throw new Error(`login ${username}: ${reply.status} ${JSON.stringify(reply.body)}`);
  credentialsOf.set(reply.body.accessToken, { username, password });
  return reply.body.accessToken;
};
const clerk = await login('operator.oki', DEMO_STAFF_PASSWORD);
const official = await login('pejabat.oki', DEMO_STAFF_PASSWORD);

/** Submitted and verified applications, ready for approval. */
async function prepare(group) {
  const ready = [];
  await pool(group, 8, async (family) => {
    family.token = await login(family.nik, PASSWORD);
    const submitted = await call('POST', '/applications', family.token, {
      type: 'FAMILY_CARD_REPLACEMENT',
      familyCardNumber: family.kk,
      reason: 'HILANG',
    });
    if (submitted.status !== 201) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    const verified = await call('POST', `/applications/${submitted.body.id}/verify`, clerk, {});
    if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${JSON.stringify(verified.body)}`);
    ready.push({ id: submitted.body.id, family });
  });
  return ready;
}

const stats = { sent: 0, retries: 0, serverErrors: 0, networkErrors: 0, unexpected: [] };
/** One approval as a careful client sends it: the same Idempotency-Key until an answer comes. */
async function approve(application, deadlineMs = 180_000) {
  const key = randomUUID();
  const deadline = Date.now() + deadlineMs;
  stats.sent += 1;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) stats.retries += 1;
    try {
      const reply = await call(
        'POST',
        `/applications/${application.id}/approve`,
        official,
        {},
        {
          'idempotency-key': key,
        },
      );
      if (reply.status === 202) return;
      if (reply.status >= 500) stats.serverErrors += 1;
      else if (!(reply.status === 409 && reply.body?.code === 'IDEMPOTENCY.IN_PROGRESS')) {
        stats.unexpected.push(`${application.id}: ${reply.status} ${reply.body?.code}`);
        return;
      }
    } catch {
      stats.networkErrors += 1;
    }
    if (Date.now() > deadline) {
      stats.unexpected.push(`${application.id}: no answer in ${deadlineMs / 1000} s`);
      return;
    }
    await sleep(Math.min(2000, 250 * 2 ** attempt));
  }
}

// A pool: PostgreSQL restarts under us, and the pool replaces broken connections.
const appsPool = new pg.Pool({ connectionString: dbUrl('applications'), max: 4 });
appsPool.on('error', () => {});
async function appsQuery(sql, params) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await appsPool.query(sql, params);
    } catch (error) {
      if (attempt > 20) throw error;
      await sleep(500);
    }
  }
}

/** approved_at and issued_at (ms) of each application, from the history the service wrote. */
async function timesOf(ids) {
  const { rows } = await appsQuery(
    `SELECT a.id, a.status,
            (SELECT extract(epoch FROM max(h.at)) * 1000 FROM application_history h
              WHERE h.application_id = a.id AND h.to_status = 'APPROVED')::float8 AS approved,
            (SELECT extract(epoch FROM max(h.at)) * 1000 FROM application_history h
              WHERE h.application_id = a.id AND h.to_status = 'ISSUED')::float8 AS issued
       FROM application a WHERE a.id = ANY($1::uuid[])`,
    [ids],
  );
  return rows;
}

/**
 * Where the time goes, hop by hop (p50 / p95), from what the services record anyway: the
 * approval's history, each outbox row's commit (`created_at`) and publication (`published_at`),
 * the registry change, the documents' issue time (rendering starts) and the ISSUED history.
 */
async function stagesOf(rows) {
  const ids = rows.map((r) => r.id);
  const read = async (url, sql) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return new Map((await client.query(sql, [ids])).rows.map((r) => [r.id, r.at]));
    } finally {
      await client.end();
    }
  };
  const outbox = (service, column, key) =>
    read(
      dbUrl(service),
      `SELECT ${key} AS id, extract(epoch FROM ${column})::float8 * 1000 AS at FROM outbox_events
        WHERE ${key} = ANY($1::text[])`,
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const marks = [
    ['approved', new Map(rows.map((r) => [r.id, r.approved]))],
    ['approval published', await outbox('applications', 'published_at', 'dedup_key')],
    [
      'registry changed',
      await read(
        dbUrl('identity'),
        `SELECT application_id::text AS id, extract(epoch FROM applied_at)::float8 * 1000 AS at
           FROM registry_change WHERE application_id = ANY($1::uuid[])`,
      ),
    ],
    [
      'change published',
      await outbox('identity', 'published_at', `substring(dedup_key FROM length('registry-change-applied:') + 1)`),
    ],
    [
      'rendering starts',
      await read(
        dbUrl('documents'),
        `SELECT application_id::text AS id, extract(epoch FROM min(issued_at))::float8 * 1000 AS at
           FROM issued_documents WHERE application_id = ANY($1::uuid[]) GROUP BY application_id`,
      ),
    ],
    [
      'signed, storing',
      await outbox('documents', 'created_at', `substring(dedup_key FROM length('document-set-issued:') + 1)`),
    ],
    [
      'set published',
      await outbox('documents', 'published_at', `substring(dedup_key FROM length('document-set-issued:') + 1)`),
    ],
    ['ISSUED', new Map(rows.map((r) => [r.id, r.issued]))],
  ];
  const hops = [];
  for (let i = 1; i < marks.length; i++) {
    const [, from] = marks[i - 1];
    const [name, to] = marks[i];
    const values = [...byId.keys()].filter((id) => from.get(id) && to.get(id)).map((id) => to.get(id) - from.get(id));
    hops.push(`→ ${name} ${seconds(percentile(values, 50))}/${seconds(percentile(values, 95))} s`);
  }
  return `approved ${hops.join(', ')} (p50/p95)`;
}

/**
 * Resolves once the application is ISSUED (or after timeoutMs). One query every 20 ms serves every
 * waiter: a query per waiter (16 × 50 a second) would load the database the drill measures.
 */
const waiting = new Map();
let watcher;
function issuedSoon(id, timeoutMs) {
  return new Promise((resolve) => {
    waiting.set(id, { resolve, deadline: Date.now() + timeoutMs });
    watcher ??= (async () => {
      while (waiting.size > 0) {
        const { rows } = await appsQuery(
          `SELECT id FROM application WHERE id = ANY($1::uuid[]) AND status = 'ISSUED'`,
          [[...waiting.keys()]],
        );
        const now = Date.now();
        const issued = new Set(rows.map((r) => r.id));
        for (const [waiter, { resolve: done, deadline }] of waiting) {
          if (issued.has(waiter) || now > deadline) {
            waiting.delete(waiter);
            done();
          }
        }
        await sleep(20);
      }
      watcher = undefined;
    })();
  });
}

/** CPU seconds used so far by each part of the stack (Linux /proc; empty elsewhere). */
function cpuSnapshot() {
  const ticks = 100; // USER_HZ on Linux
  const stat = (pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime, stime, cutime, cstime (fields 14-17, here from field 3 on)
      return {
        ppid: Number(fields[1]),
        own: (Number(fields[11]) + Number(fields[12])) / ticks,
        children: (Number(fields[13]) + Number(fields[14])) / ticks,
      };
    } catch {
      return undefined;
    }
  };
  const result = new Map();
  for (const app of APPS) {
    const pid = supervisor.child(app)?.pid;
    if (pid) result.set(app, stat(pid)?.own ?? 0);
  }
  if (nats?.pid) result.set('nats', stat(nats.pid)?.own ?? 0);
  if (postgres) {
    try {
      const master = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      const own = stat(master);
      let total = (own?.own ?? 0) + (own?.children ?? 0);
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        const s = stat(entry);
        if (s?.ppid === master) total += s.own;
      }
      result.set('postgres', total);
    } catch {
      // not on Linux, or PostgreSQL restarting
    }
  }
  const self = process.cpuUsage();
  result.set('chaos script', (self.user + self.system) / 1e6);
  return result;
}

/**
 * Seconds each part's threads spent runnable but waiting for a CPU so far (Linux schedstat):
 * beside the CPU they used, it tells a stack starved of CPU by the machine's other work from
 * one waiting on itself.
 */
function runQueueSnapshot() {
  const waited = (pid) => {
    let total = 0;
    try {
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
      }
    } catch {
      // gone meanwhile
    }
    return total;
  };
  const result = new Map();
  for (const app of APPS) {
    const pid = supervisor.child(app)?.pid;
    if (pid) result.set(app, waited(pid));
  }
  if (nats?.pid) result.set('nats', waited(nats.pid));
  return result;
}

/** Transactions committed or rolled back so far in each service's database. */
async function transactionsSnapshot() {
  const { rows } = await appsQuery(
    `SELECT datname, (xact_commit + xact_rollback)::float8 AS n FROM pg_stat_database WHERE datname LIKE $1`,
    [`disduk_${runId}_%`],
  );
  return new Map(rows.map((r) => [r.datname.slice(`disduk_${runId}_`.length), r.n]));
}

function transactionsPerApproval(before, after, approvals) {
  return [...after].map(([name, n]) => `${name} ${((n - (before.get(name) ?? n)) / approvals).toFixed(1)}`).join(', ');
}

/** CPU milliseconds per approval of each part between two snapshots, and the cores used. */
function cpuPerApproval(before, after, approvals, wallSeconds) {
  const parts = [];
  let total = 0;
  for (const [name, end] of after) {
    const used = end - (before.get(name) ?? end);
    total += used;
    parts.push(`${name} ${((used * 1000) / approvals).toFixed(0)}`);
  }
  return `${parts.join(', ')} (ms CPU per approval; ${(total / wallSeconds).toFixed(2)} cores busy of ${os.cpus().length})`;
}

async function untilIssued(ids, timeoutMs, pollMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await timesOf(ids);
    const issued = rows.filter((r) => r.status === 'ISSUED').length;
    if (issued === ids.length || Date.now() > deadline) return rows;
    await sleep(pollMs);
  }
}

const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const seconds = (ms) => (ms / 1000).toFixed(2);
const spread = (values) =>
  `p50 ${seconds(percentile(values, 50))} s, p95 ${seconds(percentile(values, 95))} s, max ${seconds(Math.max(...values))} s`;

// ---------------------------------------------------------------- no fault
const results = {
  date: new Date().toISOString().slice(0, 10),
  n: N,
  noFaultN: NO_FAULT_N,
  rounds: ROUNDS,
  loadStart: os.loadavg()[0],
};
if (NO_FAULT_N > 0) {
  const ready = await prepare(families.slice(0, NO_FAULT_N));
  const loadBefore = os.loadavg()[0];
  const cpuBefore = cpuSnapshot();
  const queueBefore = runQueueSnapshot();
  const transactionsBefore = await transactionsSnapshot();
  const t0 = Date.now();
  // 16 officials at work: each approves, and approves the next once the last one is ISSUED, so
  // 16 approvals are in the pipeline at any time (a closed loop measures latency, not a queue).
  await pool(ready, CONCURRENCY, async (application) => {
    await approve(application);
    await issuedSoon(application.id, 60_000);
  });
  const rows = await untilIssued(
    ready.map((a) => a.id),
    120_000,
  );
  const latencies = rows.filter((r) => r.issued).map((r) => r.issued - r.approved);
  const wallSeconds = (Date.now() - t0) / 1000;
  const cpu = cpuPerApproval(cpuBefore, cpuSnapshot(), NO_FAULT_N, wallSeconds);
  const starved = [...runQueueSnapshot()]
    .map(([name, end]) => `${name} ${(((end - (queueBefore.get(name) ?? end)) * 1000) / NO_FAULT_N).toFixed(0)}`)
    .join(', ');
  // Includes this script's own polling (one query each 20 ms on the applications database).
  const transactions = transactionsPerApproval(transactionsBefore, await transactionsSnapshot(), NO_FAULT_N);
  const load = `${loadBefore.toFixed(1)} / ${os.loadavg()[0].toFixed(1)}`;
  const stages = await stagesOf(rows);
  results.noFault = {
    issued: rows.filter((r) => r.status === 'ISSUED').length,
    spread: spread(latencies),
    p95: percentile(latencies, 95),
    wallSeconds,
    perSecond: NO_FAULT_N / wallSeconds,
    stages,
    cpu,
    starved,
    load,
  };
  say(
    `no fault: ${results.noFault.issued}/${NO_FAULT_N} ISSUED; approve → ISSUED ${results.noFault.spread} ` +
      `(${CONCURRENCY} in the pipeline at a time; ${results.noFault.perSecond.toFixed(1)} issued per second)`,
  );
  say(`  by stage: ${stages}`);
  say(`  CPU: ${cpu}; load average before / after ${load}`);
  say(`  waited for a CPU (runnable, not running; ms per approval): ${starved}`);
  say(`  database transactions per approval: ${transactions}`);
}
if (process.env.CHAOS_FAULTS === '0') {
  if (WRITE_DOCS) say('CHAOS_FAULTS=0: no fault run, docs/reliability.md left alone');
  await appsPool.end().catch(() => undefined);
  await finish(0);
}

// ---------------------------------------------------------------- faults
const chaosGroup = await prepare(families.slice(NO_FAULT_N, NO_FAULT_N + N));
const noFaultStats = { ...stats };
Object.assign(stats, { sent: 0, retries: 0, serverErrors: 0, networkErrors: 0 });
const faults = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const app of APPS) faults.push({ kind: 'kill', app });
  faults.push({ kind: 'nats' });
  if (postgres) faults.push({ kind: 'postgres' });
}
const redeliveredBefore = counts.redelivered;
const restartsBefore = counts.restarts;

async function inject(fault) {
  if (fault.kind === 'kill') {
    const child = supervisor.child(fault.app);
    if (child) process.kill(child.pid, 'SIGKILL');
    say(`  SIGKILL ${fault.app}`);
  } else if (fault.kind === 'nats') {
    const child = nats;
    nats = undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    await sleep(1000);
    nats = await startNats({ port: natsPort, dataDir: natsDir, configFile: natsSetup.configFile });
    say('  NATS killed and started again after 1 s');
  } else {
    // Immediate: no checkpoint, connections cut, crash recovery at the next start.
    postgres.stop('immediate');
    await sleep(1000);
    postgres = await startPrivatePostgres({ port: pgPort, dataDir: pgDir });
    say('  PostgreSQL stopped (immediate) and started again after 1 s');
  }
}

const drillMs = faults.length * FAULT_GAP_MS;
say(
  `faults: ${faults.length} (${ROUNDS} rounds) every ${FAULT_GAP_MS / 1000} s, ${N} approvals paced over ${drillMs / 1000} s`,
);
const approvals = (async () => {
  const gap = drillMs / Math.max(1, N);
  const inFlight = new Set();
  for (const application of chaosGroup) {
    while (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
    const job = approve(application).finally(() => inFlight.delete(job));
    inFlight.add(job);
    await sleep(gap);
  }
  await Promise.all(inFlight);
})();
// The last fault ends when its restart is done (the process killed, NATS or PostgreSQL started
// again), not when the stack next reports healthy: recovery is measured from that moment, so the
// time the services take to notice and reconnect counts against the goal.
let lastFaultEnd = 0;
for (const fault of faults) {
  await sleep(FAULT_GAP_MS / 2);
  await inject(fault);
  lastFaultEnd = Date.now();
  await sleep(FAULT_GAP_MS / 2);
}
await waitFor(healthy, 120_000, 'the stack to be healthy after the last fault');
say(
  `last fault over; the stack reported healthy ${((Date.now() - lastFaultEnd) / 1000).toFixed(1)} s after it ` +
    `(${((Date.now() - started) / 1000).toFixed(0)} s into the drill)`,
);
await approvals;
const ids = chaosGroup.map((a) => a.id);
const rows = await untilIssued(ids, 120_000);

// ---------------------------------------------------------------- checks
const checks = [];
const check = (ok, text) => {
  checks.push({ ok, text });
  say(`  ${ok ? '\x1b[32m✓\x1b[0m' : '\x1b[31m✗\x1b[0m'} ${text}`);
  if (!ok) exitCode = 1;
};
const issuedRows = rows.filter((r) => r.status === 'ISSUED');
check(issuedRows.length === N, `SQL: ${issuedRows.length}/${N} applications ISSUED`);

let apiIssued = 0;
await pool(chaosGroup, 8, async (application) => {
  const reply = await call('GET', `/applications/${application.id}`, application.family.token);
  if (reply.status === 200 && reply.body.status === 'ISSUED' && reply.body.documents.length === 1) apiIssued += 1;
});
check(apiIssued === N, `API: ${apiIssued}/${N} applications ISSUED with one document`);

const documentsDb = new pg.Client({ connectionString: dbUrl('documents') });
await documentsDb.connect();
const { rows: sets } = await documentsDb.query(
  `SELECT application_id::text AS id, count(*)::int AS n FROM issued_documents
    WHERE application_id = ANY($1::uuid[]) GROUP BY application_id`,
  [ids],
);
const once = sets.filter((s) => s.n === 1).length;
check(
  once === N && sets.length === N,
  `SQL: exactly one document set for ${once}/${N} applications (${sets.filter((s) => s.n > 1).length} duplicated)`,
);
const { rows: linked } = await appsQuery(
  `SELECT count(*)::int AS n FROM application_document WHERE application_id = ANY($1::uuid[])`,
  [ids],
);
check(linked[0].n === N, `SQL: ${linked[0].n} documents recorded on the ${N} applications`);
const identityDb = new pg.Client({ connectionString: dbUrl('identity') });
await identityDb.connect();
const { rows: changes } = await identityDb.query(
  `SELECT count(*)::int AS n FROM registry_change WHERE application_id = ANY($1::uuid[])`,
  [ids],
);
check(changes[0].n === N, `SQL: ${changes[0].n}/${N} registry changes applied, once each`);
let outbox = 0;
for (const client of [appsPool, documentsDb, identityDb]) {
  const { rows: pending } = await client.query(
    'SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL',
  );
  outbox += pending[0].n;
}
check(outbox === 0, `SQL: ${outbox} outbox rows left unpublished`);
check(counts.deadLettered === 0, `${counts.deadLettered} events dead-lettered`);
check(
  stats.unexpected.length === 0,
  `${stats.unexpected.length} approvals answered other than 202 in the end${stats.unexpected.length ? `: ${stats.unexpected.slice(0, 3).join('; ')}` : ''}`,
);
await documentsDb.end();
await identityDb.end();

const issuedTimes = issuedRows.map((r) => r.issued);
const lastIssued = Math.max(...issuedTimes);
const afterFault = issuedRows.filter((r) => r.issued > lastFaultEnd).map((r) => r.issued - lastFaultEnd);
const chaosLatencies = issuedRows.map((r) => r.issued - r.approved);
results.chaos = {
  faults: faults.length,
  kills: faults.filter((f) => f.kind === 'kill').length,
  natsRestarts: faults.filter((f) => f.kind === 'nats').length,
  postgresRestarts: faults.filter((f) => f.kind === 'postgres').length,
  issued: issuedRows.length,
  lastIssuedAfterFault: (lastIssued - lastFaultEnd) / 1000,
  afterFault: afterFault.length > 0 ? spread(afterFault) : 'none (all ISSUED before the last fault ended)',
  afterFaultCount: afterFault.length,
  approveToIssued: spread(chaosLatencies),
  serverErrors: stats.serverErrors,
  networkErrors: stats.networkErrors,
  retries: stats.retries,
  redelivered: counts.redelivered - redeliveredBefore,
  restarts: counts.restarts - restartsBefore,
  ok: exitCode === 0,
};
say(
  `faults: ${results.chaos.issued}/${N} ISSUED; last ISSUED ${results.chaos.lastIssuedAfterFault.toFixed(2)} s after the last fault ended; ` +
    `time to ISSUED after the last fault (${afterFault.length} applications): ${results.chaos.afterFault}; ` +
    `approve → ISSUED ${results.chaos.approveToIssued}`,
);
say(
  `clients saw ${stats.serverErrors} 5xx and ${stats.networkErrors} broken connections, and retried ${stats.retries} times ` +
    `(${noFaultStats.retries} retries in the no-fault run); ${results.chaos.redelivered} events redelivered; ${results.chaos.restarts} app restarts`,
);
const recovery = `last ISSUED within 15 s of the last fault (${results.chaos.lastIssuedAfterFault.toFixed(2)} s)`;
if (TIMING_GOAL) check(results.chaos.lastIssuedAfterFault <= 15, recovery);
else say(`  · ${recovery}: measured, not judged here (CHAOS_TIMING_GOAL=0)`);

if (WRITE_DOCS) writeDocs(results);
say(
  `${exitCode === 0 ? '\x1b[32mall checks passed' : '\x1b[31msome checks failed'}\x1b[0m in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
await appsPool.end().catch(() => undefined);
await finish(exitCode);

function writeDocs(r) {
  const file = path.join(root, 'docs/reliability.md');
  const begin = '<!-- chaos:begin -->';
  const end = '<!-- chaos:end -->';
  const cpu = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`;
  const c = r.chaos;
  const section = [
    begin,
    `Last run: ${r.date}, \`npm run chaos\` (${r.n} approvals, ${r.rounds} rounds of faults) on ${cpu}, every process on this one machine.`,
    '',
    '| | |',
    '|---|---|',
    ...(r.noFault
      ? [
          `| No fault: approve → ISSUED, ${r.noFaultN} approvals, ${CONCURRENCY} at a time | ${r.noFault.spread} (goal p95 < 1 s) |`,
          `| No fault: throughput with ${CONCURRENCY} in the pipeline | ${r.noFault.perSecond.toFixed(1)} applications ISSUED per second (${r.noFault.wallSeconds.toFixed(1)} s for ${r.noFaultN}) |`,
          `| No fault: by stage | ${r.noFault.stages} |`,
          `| No fault: CPU | ${r.noFault.cpu}; load average before / after ${r.noFault.load} |`,
          `| No fault: waiting for a CPU (runnable, not running) | ${r.noFault.starved} (ms per approval) |`,
        ]
      : []),
    `| Faults injected | ${c.kills} SIGKILLs (each app ${r.rounds}×), ${c.natsRestarts} NATS SIGKILLs and restarts, ${c.postgresRestarts} PostgreSQL immediate stops and restarts |`,
    `| Applications ISSUED | ${c.issued}/${r.n}; exactly one document set each: ${c.ok ? 'yes' : 'see the run'}; outbox left: ${c.ok ? '0' : 'see the run'} |`,
    `| Last ISSUED after the last fault ended | ${c.lastIssuedAfterFault.toFixed(2)} s (goal ≤ 15 s) |`,
    `| Time to ISSUED after the last fault (${c.afterFaultCount} applications still open then) | ${c.afterFault} |`,
    `| Approve → ISSUED during the faults | ${c.approveToIssued} |`,
    `| What clients saw | ${c.serverErrors} 5xx, ${c.networkErrors} broken connections, ${c.retries} retries with the same Idempotency-Key |`,
    `| Events redelivered / app restarts by the supervisor | ${c.redelivered} / ${c.restarts} |`,
    `| Checks | ${checks.filter((k) => k.ok).length} of ${checks.length} passed${
      checks.some((k) => !k.ok)
        ? `; failed: ${checks
            .filter((k) => !k.ok)
            .map((k) => k.text)
            .join('; ')}`
        : ''
    } |`,
    `| Machine load (1-minute load average) at the start / end | ${r.loadStart.toFixed(1)} / ${os.loadavg()[0].toFixed(1)} |`,
    end,
  ].join('\n');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : `# Reliability\n\n${begin}\n${end}\n`;
  const updated = text.includes(begin)
    ? text.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), section)
    : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, updated);
  say('docs/reliability.md updated');
}
