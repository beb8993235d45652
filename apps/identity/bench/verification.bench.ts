import 'reflect-metadata';
import autocannon, { type Result } from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { databaseNameOf, ensureDatabase, withDatabase } from '#lib/platform/db';
import { auditAccessLog } from '../src/access-log/access-log-audit.runner.js';
import { seedPopulation } from '../src/seed/seed-population.js';
import {
  addPauses,
  cpuTotal,
  gcDuring,
  gcPausesOf,
  missedGoals,
  number,
  ratio,
  type Figures,
  type GcPauses,
} from './goal-report.js';
import { installIdnAreaRegions } from '#lib/platform/regions';

// libs/domain does no I/O: this process hands it the idn-area-data regions first.
installIdnAreaRegions();

/**
 * `npm run bench:verify`: agency verification measured as deployed. Seeds BENCH_PEOPLE
 * (default 1,000,000) synthetic residents with the seed's COPY path into a scratch database,
 * starts a private NATS, the identity service and the gateway from dist/ as separate processes,
 * creates an agency through the API and takes a token, then drives 64 connections with
 * autocannon for BENCH_SECONDS (default 20) per scenario:
 *   (a) POST /verifications       HTTP → gateway (token, validation) → NATS → identity (agency
 *                                 row, registry by key, quota count, chained access-log commit)
 *   (b) POST /verifications/batch the same with 1,000 NIKs per call
 *   (c) baseline                  a bare Fastify + pg server doing the same lookup and comparison
 * and prints requests/s, NIKs/s, p50/p99 latency and the ratios, writes them to
 * docs/benchmarks.md, checks the access-log chain written under load, and drops the database.
 */
const PEOPLE = Number(process.env['BENCH_PEOPLE'] ?? 1_000_000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const WARMUP_SECONDS = Number(process.env['BENCH_WARMUP_SECONDS'] ?? 3);
const CONNECTIONS = 64;
/**
 * BENCH_BATCH_CONNECTIONS (default 64): connections for (b). With 64 batches of 1,000 in flight on
 * a loaded machine a batch takes longer than the measured seconds, and the CPU charged per NIK
 * counts work for batches not yet answered; a few connections give a steadier CPU per NIK for an A/B.
 */
const BATCH_CONNECTIONS = Number(process.env['BENCH_BATCH_CONNECTIONS'] ?? CONNECTIONS);
const BATCH_SIZE = 1000;
const SAMPLE = 100_000;
const SERVER_URL =
  process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// Production refuses published passwords: a fresh one per run.
// A fresh administrator per run, also in a reused database (the first start of each name creates it).
const ADMIN = {
  username: `bench.admin.${randomBytes(3).toString('hex')}`,
  password: randomBytes(18).toString('base64url'),
};
/**
 * BENCH_REUSE_DATABASE=<name>: run against a bench database kept by an earlier run
 * (BENCH_KEEP_DATABASE=1) instead of seeding one; it is kept again. For profiling rounds.
 */
const REUSE_DATABASE = process.env['BENCH_REUSE_DATABASE'];
/** BENCH_SCENARIOS (default `abc`): a subset runs and prints; only a full run on a fresh database writes docs. */
const SCENARIOS = process.env['BENCH_SCENARIOS'] ?? 'abc';
/**
 * `npm run bench:verify -- --replicas 2` (or BENCH_REPLICAS): N identity and N gateway processes
 * on one NATS and one database, to show they share the load correctly: every request answered,
 * the split between identity replicas (their own metrics), the quota enforced across them, a
 * suspension refused at once by all of them, the chain intact. Writes its section of docs/scaling.md.
 */
const REPLICAS = Number(
  process.argv.includes('--replicas')
    ? process.argv[process.argv.indexOf('--replicas') + 1]
    : (process.env['BENCH_REPLICAS'] ?? 1),
);

interface Infra {
  freePort(): Promise<number>;
  startNats(options: { port: number; dataDir: string; configFile?: string }): Promise<ChildProcess>;
  waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void>;
}

interface NodeFlagsModule {
  NODE_FLAGS: Record<string, string[]>;
}

interface NatsConfigModule {
  writeNatsSetup(options: { dir: string }): {
    configFile: string;
    peersFile: string;
    seedFiles: Record<string, string>;
  };
}

interface DbRolesModule {
  provisionServiceDatabase(options: {
    adminUrl: string;
    database: string;
    service: string;
    ownerPassword?: string;
    runtimePassword?: string;
  }): Promise<{ ownerUrl: string; runtimeUrl: string }>;
  dropServiceDatabase(options: { adminUrl: string; database: string }): Promise<void>;
}

/** The previous run's results table in docs/benchmarks.md: requests/s and p99 by scenario. */
function previousFigures(file: string): Map<string, { requestsPerSecond: number; p99: number }> {
  const figures = new Map<string, { requestsPerSecond: number; p99: number }>();
  if (!existsSync(file)) return figures;
  const text = readFileSync(file, 'utf8');
  const section = text.slice(text.indexOf(SECTION_START), text.indexOf(SECTION_END));
  for (const match of section.matchAll(/^\| (\([abc]\))[^|]*\| ([\d,]+) \| [\d,]+ \| \d+ \| (\d+) \|/gm)) {
    figures.set(match[1], { requestsPerSecond: Number(match[2].replace(/,/g, '')), p99: Number(match[3]) });
  }
  return figures;
}

/** The `/metrics` addresses of the apps under test, by app (set once they have ports). */
let metricsSources: () => Record<string, string[]> = () => ({});

/** The GC histogram of every app, summed over its replicas; an app that cannot be read counts nothing. */
async function gcSnapshot(): Promise<Record<string, GcPauses>> {
  const snapshot: Record<string, GcPauses> = {};
  for (const [app, urls] of Object.entries(metricsSources())) {
    for (const url of urls) {
      const text = await fetch(`${url}/metrics`)
        .then((response) => (response.ok ? response.text() : ''))
        .catch(() => '');
      snapshot[app] = addPauses(snapshot[app], gcPausesOf(text));
    }
  }
  return snapshot;
}

/**
 * The processes whose CPU time a scenario is charged with: the apps under test, NATS, and the
 * PostgreSQL backends serving the bench database (not the rest of the shared server).
 */
let cpuSources: () => Promise<Record<string, number[]>> = () => Promise.resolve({});

const CLOCK_TICKS = 100;

/** utime + stime of a process in seconds, from /proc (0 where there is no /proc). */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

async function cpuSnapshot(): Promise<Record<string, number>> {
  const snapshot: Record<string, number> = {};
  for (const [name, pids] of Object.entries(await cpuSources())) {
    snapshot[name] = pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
  }
  return snapshot;
}

const root = process.cwd();
const children: ChildProcess[] = [];
const named: Array<{ name: string; child: ChildProcess }> = [];

function say(text: string): void {
  process.stdout.write(`bench:verify | ${text}\n`);
}

/**
 * BENCH_CPU_PROF=<dir>: the gateway and identity write V8 CPU profiles (`--cpu-prof`) into
 * <dir>/<app>, one per thread (identity's idle import workers too; the main thread's name has
 * thread id 0), for the measured scenarios; `node scripts/cpu-profile-summary.mjs <dir>` reads them.
 */
const CPU_PROF_DIR = process.env['BENCH_CPU_PROF'];

/** The apps' Node flags as deployed (scripts/lib/node-flags.mjs), read at start. */
let nodeFlags: Record<string, string[]> = {};

function start(name: string, script: string, env: Record<string, string>, profile = false): ChildProcess {
  // BENCH_NODE_ARGS (e.g. `--prof`) goes to the apps under test, to see where their time goes.
  const app = name.replace(/-\d+$/, '');
  const nodeArgs = [...(nodeFlags[app] ?? []), ...(process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean)];
  if (profile && CPU_PROF_DIR !== undefined) {
    nodeArgs.push(
      '--cpu-prof',
      `--cpu-prof-dir=${path.resolve(CPU_PROF_DIR, name)}`,
      `--import=${pathToFileURL(path.join(root, 'scripts/lib/exit-on-sigterm.mjs')).href}`,
    );
  }
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`${name} | ${chunk.toString()}`));
  children.push(child);
  named.push({ name, child });
  return child;
}

async function post(url: string, body: object, token?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json().catch(() => undefined);
  return { status: response.status, body: json };
}

interface SampleRow {
  nik: string;
  full_name: string;
  birth_date: string;
  mother_name: string;
}

/** What a bank sends when it opens an account: name, birth date and mother's maiden name. */
function itemOf(row: SampleRow): object {
  return {
    nik: row.nik,
    purpose: 'Pembukaan rekening tabungan (uji beban)',
    fullName: row.full_name,
    birthDate: row.birth_date,
    motherName: row.mother_name,
  };
}

function load(
  name: string,
  url: string,
  path: string,
  bodies: readonly string[],
  niksPerRequest: number,
  token?: string,
): Promise<Figures> {
  return loadWith(name, url, path, bodies, niksPerRequest, token, CONNECTIONS);
}

async function loadWith(
  name: string,
  url: string,
  path: string,
  bodies: readonly string[],
  niksPerRequest: number,
  token: string | undefined,
  connections: number,
): Promise<Figures> {
  let next = 0;
  const run = (duration: number): Promise<Result> =>
    autocannon({
      url,
      connections,
      duration,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path,
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
        },
      ],
    });
  if (WARMUP_SECONDS > 0) await run(WARMUP_SECONDS);
  const gcBefore = await gcSnapshot();
  const cpuBefore = await cpuSnapshot();
  const result = await run(SECONDS);
  const cpuAfter = await cpuSnapshot();
  const gcAfter = await gcSnapshot();
  const figures: Figures = {
    name,
    requestsPerSecond: result.requests.average,
    niksPerSecond: result.requests.average * niksPerRequest,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    cpuPerRequest: Object.fromEntries(
      Object.entries(cpuAfter).map(([process, seconds]) => [
        process,
        ((seconds - (cpuBefore[process] ?? 0)) * 1000) / Math.max(1, result.requests.total),
      ]),
    ),
    gc: gcDuring(gcBefore, gcAfter),
  };
  say(
    `${name}: ${Math.round(figures.requestsPerSecond)} req/s, ${Math.round(figures.niksPerSecond)} NIK/s, ` +
      `p50 ${figures.p50} ms, p99 ${figures.p99} ms, ${figures.failures} failed of ${figures.requests}`,
  );
  // The apps' pauses belong to (a) and (b); during (c), run without their token, they idle.
  for (const [app, gc] of Object.entries(token === undefined ? {} : (figures.gc ?? {}))) {
    if (gc.pauses === 0) continue;
    say(
      `${name}: ${app} GC ${gc.pauses} pauses, ${Math.round(gc.milliseconds)} ms, ` +
        `${gc.over10} over 10 ms, ${gc.over100} over 100 ms`,
    );
  }
  return figures;
}

function machine(postgresVersion: string): string[] {
  const cpus = os.cpus();
  const nats = spawnSync('nats-server', ['--version'], { encoding: 'utf8' }).stdout.trim();
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} logical cores (shared by the load generator, ` +
      'NATS, PostgreSQL and the apps: everything runs on this one machine)',
    `- Memory: ${Math.round(os.totalmem() / 2 ** 30)} GiB; OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node.js ${process.version}; ${postgresVersion.split(',')[0]}; ${nats || 'nats-server'}`,
  ];
}

function report(
  figures: { single: Figures; batch: Figures; baseline: Figures },
  context: {
    people: number;
    seedSeconds: number;
    machine: string[];
    audit: string;
    previous: Map<string, { requestsPerSecond: number; p99: number }>;
  },
): string {
  const { single, batch, baseline } = figures;
  const ac = single.requestsPerSecond / baseline.requestsPerSecond;
  const ba = batch.niksPerSecond / single.niksPerSecond;
  const row = (label: string, f: Figures): string =>
    `| ${label} | ${number(f.requestsPerSecond)} | ${number(f.niksPerSecond)} | ${f.p50} | ${f.p99} | ` +
    `${number(f.requests)} | ${f.failures} |`;
  const verdict = (ok: boolean): string => (ok ? 'met' : '**not met**');
  return [
    '## Agency verification (`npm run bench:verify`) — measured',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:verify\`, which ` +
      'writes this section; the figures below are from that run, not edited.',
    '',
    '### Machine',
    '',
    ...context.machine,
    '',
    '### Set-up',
    '',
    `- Registry: ${number(context.people)} synthetic residents (seeded with COPY in ${context.seedSeconds.toFixed(0)} s) ` +
      'in a scratch database, then vacuumed and analysed as autovacuum leaves a registry (the verification read ' +
      'is answered from the primary key alone on all-visible pages), dropped afterwards.',
    '- One identity replica and one gateway, built (`dist/`) and started as separate processes with ' +
      '`NODE_ENV=production`, `LOG_LEVEL=warn`, database pool 10, a private NATS server. ' +
      'Authentication on, as deployed (docs/security.md): NATS with the generated configuration (an nkey per app, ' +
      'subject permissions), a signed caller assertion on each request and the access token verified again in ' +
      'identity, identity working as its runtime database role.',
    `- Load: autocannon, ${CONNECTIONS} connections${BATCH_CONNECTIONS === CONNECTIONS ? '' : ` (${BATCH_CONNECTIONS} for (b): batches of 1,000 in flight at once)`}, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s measured per ` +
      'scenario. Each request checks a different NIK of a 100,000-person random sample with name, birth date ' +
      "and mother's name — the way a bank checks a new customer.",
    '- (a) and (b) run the full path as deployed: ES256 token check and role in the gateway, NATS ' +
      'request/reply (a plain queue subscription in identity), the caller assertion and the token verified in identity, ' +
      'body validation with the rules of the contract classes (compiled from their decorators), the agency row read ' +
      'fresh with every group of requests (suspension and agreement), the shared per-minute quota counted in PostgreSQL, ' +
      'the registry read by primary key, and the access-log entries committed (hash-chained) before the answer leaves. ' +
      'Only verified signatures are remembered (a token, a caller assertion: by their exact text, until they expire; ' +
      'every other check is made on each request); no answer, agency row or quota is cached.',
    '- (c) is a bare Fastify server, started by the bench, running the same registry query and comparison ' +
      'with `pg` (pool 10), one query per request, and nothing else.',
    '',
    '### Results',
    '',
    '| scenario | requests/s | NIKs/s | p50 ms | p99 ms | requests | failed |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row('(a) single, full path', single),
    row(`(b) batch of ${BATCH_SIZE}, full path`, batch),
    row('(c) baseline: Fastify + pg', baseline),
    '',
    '| goal | measured | |',
    '|---|---:|---|',
    `| (a)/(c) ≥ 1.0 (requests/s) | ${ratio(ac)} | ${verdict(ac >= 1)} |`,
    `| (a) p99 ≤ 50 ms | ${single.p99} ms | ${verdict(single.p99 <= 50)} |`,
    `| (b)/(a) ≥ 20 (NIKs/s) | ${ratio(ba)} | ${verdict(ba >= 20)} |`,
    '',
    ...missedGoals(figures, {
      connections: CONNECTIONS,
      measuredSeconds: SECONDS,
      batchSize: BATCH_SIZE,
      cores: os.cpus().length,
    }),
    ...cpuTable(figures),
    ...comparison(figures, context.previous),
    `Access log after the run: ${context.audit}`,
    '',
  ].join('\n');
}

/** CPU per request by process, and what one core does at that cost. */
function cpuTable(figures: { single: Figures; batch: Figures; baseline: Figures }): string[] {
  const processes = ['gateway', 'identity', 'nats', 'postgres', 'baseline'];
  const rows = (
    [
      ['(a) single', figures.single, 1],
      [`(b) batch of ${BATCH_SIZE}`, figures.batch, BATCH_SIZE],
      ['(c) baseline', figures.baseline, 1],
    ] as const
  ).flatMap(([label, f, niks]) => {
    const perRequest = cpuTotal(f);
    if (perRequest === undefined) return [];
    const cells = processes.map((p) => (f.cpuPerRequest?.[p] ?? 0) / niks);
    const total = perRequest / niks;
    // A batch NIK costs a few hundredths of a millisecond: one more digit tells changes apart.
    const digits = niks > 1 ? 4 : 3;
    return [
      `| ${label} | ${cells.map((ms) => (ms === 0 ? '–' : ms.toFixed(digits))).join(' | ')} | ${total.toFixed(digits)} | ` +
        `${number(1000 / Math.max(total, 1e-6))} |`,
    ];
  });
  return [
    'CPU per NIK checked, in milliseconds, by process (utime + stime from /proc over the measured seconds; ' +
      'PostgreSQL: the backends of the bench database only). The last column is what one core would answer ' +
      'per second at that cost, everything included — the figure to scale by (docs/scaling.md):',
    '',
    `| scenario | ${processes.join(' | ')} | total | NIKs/s per core |`,
    `|---|${processes.map(() => '---:').join('|')}|---:|---:|`,
    ...rows,
    '',
  ];
}

/** This run against the figures the section held before it (same bench, earlier run). */
function comparison(
  figures: { single: Figures; batch: Figures; baseline: Figures },
  previous: Map<string, { requestsPerSecond: number; p99: number }>,
): string[] {
  if (previous.size === 0) return [];
  const rows = (
    [
      ['(a)', figures.single],
      ['(b)', figures.batch],
      ['(c)', figures.baseline],
    ] as const
  ).flatMap(([key, now]) => {
    const before = previous.get(key);
    if (before === undefined) return [];
    const change = (now.requestsPerSecond / before.requestsPerSecond - 1) * 100;
    return [
      `| ${key} | ${number(before.requestsPerSecond)} | ${number(now.requestsPerSecond)} | ` +
        `${change >= 0 ? '+' : ''}${change.toFixed(1)} % | ${before.p99} | ${now.p99} |`,
    ];
  });
  return [
    'Compared with the figures this section held before this run (read from docs/benchmarks.md by the bench):',
    '',
    '| scenario | requests/s before | requests/s now | change | p99 ms before | p99 ms now |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ];
}

const SECTION_START = '<!-- bench:verify:start (written by npm run bench:verify) -->';
const SECTION_END = '<!-- bench:verify:end -->';

const REPLICA_START = '<!-- bench:verify:replicas:start (written by npm run bench:verify -- --replicas N) -->';
const REPLICA_END = '<!-- bench:verify:replicas:end -->';

/** Replaces this bench's section of the file (or adds it), leaving the rest as it is. */
function writeSection(file: string, section: string, startMark = SECTION_START, endMark = SECTION_END): void {
  const block = `${startMark}\n${section}\n${endMark}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(startMark);
  const end = current.indexOf(endMark);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${block}${current.slice(end + endMark.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

/** `nats_request_handled_duration_seconds_count` of one subject and outcome on one replica. */
async function handledCount(replica: string, subject: string, outcome: 'ok' | 'error'): Promise<number> {
  const text = await (await fetch(`${replica}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (
      line.startsWith('nats_request_handled_duration_seconds_count{') &&
      line.includes(`subject="${subject}"`) &&
      line.includes(`outcome="${outcome}"`)
    ) {
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return total;
}

interface ReplicaContext {
  api: string;
  adminToken: string;
  accessToken: string;
  agencyId: string;
  singles: readonly string[];
  gateways: readonly string[];
  identities: readonly string[];
  databaseUrl: string;
  sampleItem: object;
}

/**
 * The replicas run: (a) through every gateway at once, each identity replica's share from its
 * own metrics; then the quota of a small agency spent through all gateways in one minute; then
 * a suspension, refused by every replica on the very next request. Returns the markdown.
 */
async function replicaRun(context: ReplicaContext): Promise<string[]> {
  const subject = 'identity.verification.verify';
  const handled = (outcome: 'ok' | 'error') =>
    Promise.all(context.identities.map((replica) => handledCount(replica, subject, outcome)));
  const before = await handled('ok');
  const perGateway = await Promise.all(
    context.gateways.map((gateway, i) =>
      loadWith(
        `(a) via gateway ${i + 1}`,
        gateway,
        '/api/v1/verifications',
        context.singles,
        1,
        context.accessToken,
        Math.max(1, Math.floor(CONNECTIONS / context.gateways.length)),
      ),
    ),
  );
  const after = await handled('ok');
  const shares = after.map((count, i) => count - before[i]);
  const answered = shares.reduce((sum, n) => sum + n, 0);
  const sent = perGateway.reduce((sum, f) => sum + f.requests, 0);
  const failed = perGateway.reduce((sum, f) => sum + f.failures, 0);
  say(`replicas: ${sent} requests, ${failed} failed; identity shares ${shares.join(' / ')}`);

  // The quota of a small agency, spent through every gateway (so every identity replica) at once.
  const limit = 40;
  const extra = 20;
  const small = await post(
    `${context.api}/admin/agencies`,
    {
      name: 'BANK KUOTA KECIL',
      allowedFields: ['fullName', 'birthDate', 'birthPlace', 'sex', 'motherName', 'address'],
      requestsPerMinute: limit,
    },
    context.adminToken,
  );
  const { clientId, clientSecret } = small.body as { clientId: string; clientSecret: string };
  const smallToken = (
    (
      await post(`${context.api}/auth/token`, {
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      })
    ).body as { access_token: string }
  ).access_token;
  const db = new pg.Client({ connectionString: context.databaseUrl });
  await db.connect();
  const secondsLeft = async (): Promise<number> =>
    Number((await db.query<{ s: string }>(`SELECT 60 - extract(second FROM now()) AS s`)).rows[0].s);
  // All within one minute of the database clock (the quota's window).
  const left = await secondsLeft();
  if (left < 20) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 500));
  const quotaBefore = await handled('ok');
  const quotaErrorsBefore = await handled('error');
  const statuses = await Promise.all(
    Array.from({ length: limit + extra }, (_, i) =>
      post(`${context.gateways[i % context.gateways.length]}/api/v1/verifications`, context.sampleItem, smallToken),
    ),
  );
  const ok = statuses.filter((r) => r.status === 200).length;
  const refused = statuses.filter(
    (r) => r.status === 429 && (r.body as { code?: string } | undefined)?.code === 'AGENCY.QUOTA_EXCEEDED',
  ).length;
  const quotaShares = (await handled('ok')).map((n, i) => n - quotaBefore[i]);
  const quotaRefusals = (await handled('error')).map((n, i) => n - quotaErrorsBefore[i]);
  say(
    `quota ${limit}/min across replicas: ${ok} answered, ${refused} refused (429); statuses ` +
      statuses.map((r) => r.status).join(','),
  );

  // A suspension, then at once one request through every gateway, twice over.
  const suspended = await post(`${context.api}/admin/agencies/${context.agencyId}/suspend`, {}, context.adminToken);
  const next = await Promise.all(
    Array.from({ length: context.gateways.length * 4 }, (_, i) =>
      post(
        `${context.gateways[i % context.gateways.length]}/api/v1/verifications`,
        context.sampleItem,
        context.accessToken,
      ),
    ),
  );
  const refusedAtOnce = next.filter(
    (r) => r.status === 401 && (r.body as { code?: string } | undefined)?.code === 'AGENCY.SUSPENDED',
  ).length;
  say(`suspension (${suspended.status}): ${refusedAtOnce} of ${next.length} next requests refused`);
  await db.end();

  const verdict = (good: boolean): string => (good ? 'yes' : '**no**');
  const total = perGateway.reduce((sum, f) => sum + f.requestsPerSecond, 0);
  return [
    `- ${context.identities.length} identity and ${context.gateways.length} gateway processes (built, ` +
      '`NODE_ENV=production`), one NATS server (identity replicas in one queue group), one PostgreSQL; ' +
      `autocannon ${CONNECTIONS} connections split evenly over the gateways, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up.`,
    '',
    '| process | requests/s | p50 ms | p99 ms | requests | failed |',
    '|---|---:|---:|---:|---:|---:|',
    ...perGateway.map(
      (f, i) =>
        `| gateway ${i + 1} | ${number(f.requestsPerSecond)} | ${f.p50} | ${f.p99} | ${number(f.requests)} | ${f.failures} |`,
    ),
    `| all gateways | ${number(total)} | | | ${number(sent)} | ${failed} |`,
    '',
    '| identity replica | checks answered (own metrics, warm-up included) | share |',
    '|---|---:|---:|',
    ...shares.map(
      (n, i) => `| identity ${i + 1} | ${number(n)} | ${((100 * n) / Math.max(1, answered)).toFixed(1)} % |`,
    ),
    '',
    '| check | result | as it should be |',
    '|---|---|---|',
    `| every request answered | ${failed} failed of ${number(sent)} | ${verdict(failed === 0)} |`,
    `| load split between identity replicas | ${shares.map((n) => number(n)).join(' / ')} | ${verdict(
      shares.every((n) => n > 0.3 * (answered / shares.length)),
    )} |`,
    `| quota of ${limit} NIK/min, ${limit + extra} checks through all gateways at once | ${ok} answered, ${refused} refused ` +
      `(429); answered per replica ${quotaShares.join(' / ')}, refused per replica ${quotaRefusals.join(' / ')} | ${verdict(
        ok === limit && refused === extra,
      )} |`,
    `| suspension refused on the very next request, every replica | ${refusedAtOnce} of ${next.length} refused ` +
      `(401 AGENCY.SUSPENDED) | ${verdict(refusedAtOnce === next.length)} |`,
    '',
  ];
}

/** Drops the scratch database, and only a database whose name says it is a bench's. */
async function dropBenchDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  if (!name.startsWith('disduk_bench_')) throw new Error(`Refusing to drop "${name}": not a bench database`);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** The scratch database's two roles (scripts/lib/db-roles.mjs names them after it). */
async function dropBenchRoles(serverUrl: string, database: string): Promise<void> {
  if (!database.startsWith('disduk_bench_')) return;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    for (const role of [`${database}_app`, `${database}_owner`]) await admin.query(`DROP ROLE IF EXISTS "${role}"`);
  } finally {
    await admin.end();
  }
}

async function main(): Promise<void> {
  const infra = (await import(pathToFileURL(path.join(root, 'scripts/lib/infra.mjs')).href)) as Infra;
  nodeFlags = ((await import(pathToFileURL(path.join(root, 'scripts/lib/node-flags.mjs')).href)) as NodeFlagsModule)
    .NODE_FLAGS;
  const natsConfig = (await import(pathToFileURL(path.join(root, 'scripts/nats-config.mjs')).href)) as NatsConfigModule;
  const dbRoles = (await import(pathToFileURL(path.join(root, 'scripts/lib/db-roles.mjs')).href)) as DbRolesModule;
  const databaseName = REUSE_DATABASE ?? `disduk_bench_verify_${randomBytes(3).toString('hex')}`;
  if (!databaseName.startsWith('disduk_bench_')) throw new Error(`${databaseName} is not a bench database`);
  const databaseUrl = withDatabase(SERVER_URL, databaseName);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'disduk-bench-verify-'));
  let keepDatabase = process.env['BENCH_KEEP_DATABASE'] === '1' || REUSE_DATABASE !== undefined;
  try {
    let seeded = { people: 0, seconds: 0 };
    if (REUSE_DATABASE === undefined) {
      say(`seeding ${number(PEOPLE)} synthetic residents into ${databaseName} …`);
      await ensureDatabase(databaseUrl);
      seeded = await seedPopulation({ databaseUrl, regencyCode: '16.02', people: PEOPLE, seed: 7 });
      say(`seeded ${number(seeded.people)} people in ${seeded.seconds.toFixed(0)} s`);
    }
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    if (REUSE_DATABASE !== undefined) {
      seeded.people = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM person')).rows[0].n);
      say(`reusing ${databaseName}: ${number(seeded.people)} people`);
    }
    // The registry as autovacuum leaves it after an import: statistics, and its pages marked
    // all-visible (the verification read is then answered from the primary key alone).
    await db.query('VACUUM (ANALYZE)');
    const postgresVersion = (await db.query<{ version: string }>('SELECT version()')).rows[0].version;
    const sample = (
      await db.query<SampleRow>(
        `SELECT nik, full_name, birth_date::text AS birth_date, mother_name
           FROM person TABLESAMPLE SYSTEM (20) LIMIT $1`,
        [SAMPLE],
      )
    ).rows.sort(() => Math.random() - 0.5);
    await db.end();

    // Secured as deployed (docs/security.md): the generated NATS configuration with an nkey per
    // app, the runtime database role, token keys from configuration.
    const roles = await dbRoles.provisionServiceDatabase({
      adminUrl: SERVER_URL,
      database: databaseName,
      service: 'identity',
      ownerPassword: randomBytes(18).toString('base64url'),
      runtimePassword: randomBytes(18).toString('base64url'),
    });
    const natsSetup = natsConfig.writeNatsSetup({ dir: path.join(scratch, 'nats-auth') });
    const natsPort = await infra.freePort();
    const gatewayPorts: number[] = [];
    const identityPorts: number[] = [];
    for (let i = 0; i < REPLICAS; i++) {
      gatewayPorts.push(await infra.freePort());
      identityPorts.push(await infra.freePort());
    }
    const gatewayMetricsPorts: number[] = [];
    for (let i = 0; i < REPLICAS; i++) gatewayMetricsPorts.push(await infra.freePort());
    metricsSources = () => ({
      gateway: gatewayMetricsPorts.map((port) => `http://127.0.0.1:${port}`),
      identity: identityPorts.map((port) => `http://127.0.0.1:${port}`),
    });
    const gatewayPort = gatewayPorts[0];
    const baselinePort = await infra.freePort();
    children.push(
      await infra.startNats({ port: natsPort, dataDir: path.join(scratch, 'nats'), configFile: natsSetup.configFile }),
    );
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const signingKey = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const publicJwk = { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid: 'bench', alg: 'ES256' };
    // Production refuses the published development anchor and MFA keys: ones of its own per run.
    const anchorKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const mfaKey = randomBytes(32).toString('base64');
    const common = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      NATS_URL: `nats://127.0.0.1:${natsPort}`,
      NATS_PEERS_FILE: natsSetup.peersFile,
      JWT_PUBLIC_KEYS: JSON.stringify({ keys: [publicJwk] }),
    };
    const natsChild = children[0];
    cpuSources = async () => {
      const of = (app: string): number[] =>
        named.filter((n) => n.name.startsWith(app) && n.child.exitCode === null).map((n) => n.child.pid ?? 0);
      const admin = new pg.Client({ connectionString: withDatabase(SERVER_URL, 'postgres') });
      await admin.connect();
      const backends = await admin
        .query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [databaseName])
        .finally(() => admin.end());
      return {
        gateway: of('gateway'),
        identity: of('identity'),
        nats: [natsChild.pid ?? 0],
        postgres: backends.rows.map((row) => row.pid),
        baseline: of('baseline'),
      };
    };
    const replicaName = (app: string, i: number): string => (REPLICAS === 1 ? app : `${app}-${i + 1}`);
    const startIdentity = (i: number): ChildProcess =>
      start(
        replicaName('identity', i),
        'dist/apps/identity/src/main.js',
        {
          ...common,
          NATS_NKEY_SEED_FILE: natsSetup.seedFiles['identity'],
          DATABASE_URL: roles.runtimeUrl,
          DATABASE_MIGRATION_URL: roles.ownerUrl,
          JWT_PRIVATE_KEY: signingKey,
          JWT_KEY_ID: 'bench',
          AUDIT_ANCHOR_PRIVATE_KEY: anchorKey,
          MFA_ENCRYPTION_KEY: mfaKey,
          // The bench's administrator only creates the agency: no second factor to enrol for it
          // (an empty setting means the production default; no OFFICIAL signs in here).
          MFA_REQUIRED_ROLES: 'OFFICIAL',
          ADMIN_USERNAME: ADMIN.username,
          ADMIN_PASSWORD: ADMIN.password,
          HTTP_PORT: String(identityPorts[i]),
          INSTANCE_ID: replicaName('identity', i),
        },
        true,
      );
    const startGateway = (i: number): ChildProcess =>
      start(
        replicaName('gateway', i),
        'dist/apps/gateway/src/main.js',
        {
          ...common,
          NATS_NKEY_SEED_FILE: natsSetup.seedFiles['gateway'],
          PORT: String(gatewayPorts[i]),
          HOST: '127.0.0.1',
          METRICS_PORT: String(gatewayMetricsPorts[i]),
          INSTANCE_ID: replicaName('gateway', i),
        },
        true,
      );
    // The first identity migrates the database; the other replicas start once it is up.
    startIdentity(0);
    for (let i = 0; i < REPLICAS; i++) startGateway(i);
    const api = `http://127.0.0.1:${gatewayPort}/api/v1`;
    let adminToken = '';
    await infra.waitFor(
      async () => {
        const login = await post(`${api}/auth/login`, ADMIN).catch(() => ({ status: 0, body: undefined }));
        adminToken = (login.body as { accessToken?: string } | undefined)?.accessToken ?? '';
        return login.status === 200;
      },
      60_000,
      'the gateway and identity',
    );
    for (let i = 1; i < REPLICAS; i++) startIdentity(i);
    for (let i = 1; i < REPLICAS; i++) {
      await infra.waitFor(
        async () => (await fetch(`http://127.0.0.1:${identityPorts[i]}/live`).catch(() => undefined))?.ok === true,
        60_000,
        `identity replica ${i + 1}`,
      );
    }
    const agency = await post(
      `${api}/admin/agencies`,
      {
        name: 'BANK UJI BEBAN',
        allowedFields: ['fullName', 'birthDate', 'birthPlace', 'sex', 'motherName', 'address'],
        requestsPerMinute: 100_000_000,
      },
      adminToken,
    );
    if (agency.status !== 201) throw new Error(`creating the agency failed: ${JSON.stringify(agency.body)}`);
    const {
      id: agencyId,
      clientId,
      clientSecret,
    } = agency.body as { id: string; clientId: string; clientSecret: string };
    const token = await post(`${api}/auth/token`, {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
    const accessToken = (token.body as { access_token: string }).access_token;

    const singles = sample.map((row) => JSON.stringify(itemOf(row)));
    const batches: string[] = [];
    for (let i = 0; i + BATCH_SIZE <= sample.length; i += BATCH_SIZE) {
      batches.push(JSON.stringify({ items: sample.slice(i, i + BATCH_SIZE).map(itemOf) }));
    }
    const check = await post(`${api}/verifications`, itemOf(sample[0]), accessToken);
    const checked = check.body as { found?: boolean; fields?: Record<string, { match: boolean }> };
    if (check.status !== 200 || checked.found !== true || checked.fields?.['fullName']?.match !== true) {
      throw new Error(`a sample verification did not match: ${check.status} ${JSON.stringify(check.body)}`);
    }

    const gateway = `http://127.0.0.1:${gatewayPort}`;
    if (REPLICAS > 1) {
      const text = await replicaRun({
        api,
        adminToken,
        accessToken,
        agencyId,
        singles,
        gateways: gatewayPorts.map((port) => `http://127.0.0.1:${port}`),
        identities: identityPorts.map((port) => `http://127.0.0.1:${port}`),
        databaseUrl,
        sampleItem: itemOf(sample[1]),
      });
      for (const child of children.splice(1)) child.kill('SIGTERM');
      say('checking the access-log chain written under load …');
      const audit = await auditAccessLog(databaseUrl);
      const auditText =
        audit.findings.length === 0
          ? `${number(audit.rows)} entries, hash chain intact (checked by the audit:verify code).`
          : `${number(audit.rows)} entries, ${audit.findings.length} findings — the chain is NOT intact.`;
      say(auditText);
      const section = [
        `## ${REPLICAS} replicas on this machine (\`npm run bench:verify -- --replicas ${REPLICAS}\`) — measured`,
        '',
        `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')} (1 / 5 / 15 min, other engineers' work included), on ${os.cpus().length} cores; ` +
          `registry of ${number(seeded.people)} synthetic residents; written by the bench.`,
        '',
        ...text,
        `Access log after the run: ${auditText}`,
        '',
      ].join('\n');
      process.stdout.write(`\n${section}\n`);
      // A correctness run as much as a measurement: written also on a reused database.
      writeSection(path.join(root, 'docs/scaling.md'), section, REPLICA_START, REPLICA_END);
      say('written to docs/scaling.md');
      return;
    }
    const skipped = (name: string): Figures => ({
      name,
      requestsPerSecond: 0,
      niksPerSecond: 0,
      p50: 0,
      p99: 0,
      requests: 0,
      failures: 0,
    });
    const single = SCENARIOS.includes('a')
      ? await load('(a) single', gateway, '/api/v1/verifications', singles, 1, accessToken)
      : skipped('(a) single');
    const batch = SCENARIOS.includes('b')
      ? await loadWith(
          '(b) batch',
          gateway,
          '/api/v1/verifications/batch',
          batches,
          BATCH_SIZE,
          accessToken,
          BATCH_CONNECTIONS,
        )
      : skipped('(b) batch');

    start('baseline', 'dist/apps/identity/bench/verification-baseline.js', {
      DATABASE_URL: databaseUrl,
      PORT: String(baselinePort),
    });
    await infra.waitFor(
      async () =>
        (await post(`http://127.0.0.1:${baselinePort}/verifications`, itemOf(sample[0])).catch(() => ({ status: 0 })))
          .status === 200,
      30_000,
      'the baseline server',
    );
    const baseline = SCENARIOS.includes('c')
      ? await load('(c) baseline', `http://127.0.0.1:${baselinePort}`, '/verifications', singles, 1)
      : skipped('(c) baseline');

    for (const child of children.splice(1)) child.kill('SIGTERM');
    say('checking the access-log chain written under load …');
    const audit = await auditAccessLog(databaseUrl);
    const auditText =
      audit.findings.length === 0
        ? `${number(audit.rows)} entries, hash chain intact (checked by the audit:verify code).`
        : `${number(audit.rows)} entries, ${audit.findings.length} findings — the chain is NOT intact.`;
    say(auditText);

    const text = report(
      { single, batch, baseline },
      {
        people: seeded.people,
        seedSeconds: seeded.seconds,
        machine: machine(postgresVersion),
        audit: auditText,
        previous: previousFigures(path.join(root, 'docs/benchmarks.md')),
      },
    );
    process.stdout.write(`\n${text}\n`);
    if (SCENARIOS === 'abc' && REUSE_DATABASE === undefined) {
      writeSection(path.join(root, 'docs/benchmarks.md'), text);
      say('written to docs/benchmarks.md');
    }
  } catch (error) {
    keepDatabase = keepDatabase || process.env['BENCH_KEEP_DATABASE'] === 'on-failure';
    throw error;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    if (!keepDatabase) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await dropBenchDatabase(databaseUrl).catch((error: unknown) =>
        say(`could not drop ${databaseName}: ${String(error)}`),
      );
      await dropBenchRoles(SERVER_URL, databaseName).catch(() => undefined);
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:verify failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  for (const child of children) child.kill('SIGTERM');
  process.exit(1);
});
