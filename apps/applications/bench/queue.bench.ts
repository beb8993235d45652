import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ApplicationStatus, ApplicationType, regionDirectory } from '#lib/domain';
import { createLogger } from '#lib/platform/core';
import { ensureDatabase, openDatabase, withDatabase } from '#lib/platform/db';
import { ApplicationDocumentEntity } from '../src/applications/application-document.entity.js';
import { ApplicationHistoryEntity } from '../src/applications/application-history.entity.js';
import { ApplicationEntity } from '../src/applications/application.entity.js';
import { ApplicationRepository, type ApplicationFilter } from '../src/applications/application.repository.js';
import { AttachmentEntity } from '../src/attachments/attachment.entity.js';
import { applicationsMigrations } from '../src/migrations/index.js';
import { installIdnAreaRegions } from '#lib/platform/regions';

// libs/domain does no I/O: this process hands it the idn-area-data regions first.
installIdnAreaRegions();

/**
 * `npm run bench:queue`: the staff queue query (ApplicationRepository.list, the code the service
 * runs) against 1,000,000 applications in a scratch database made by the service's own
 * migrations, over many random filter combinations. Prints p50/p95/p99 and fails above the
 * 60 ms p95 budget. The scratch database is dropped at the end.
 */
const ROWS = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const QUERIES = Number(process.env['BENCH_QUERIES'] ?? 2000);
const BUDGET_P95_MS = 60;
const SERVER_URL =
  process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// The province of the first customer: every regency and city of Sumatera Selatan, OKI busiest.
const REGENCIES = regionDirectory()
  .childrenOf('16')
  .map((r) => r.code);
const STATUS_WEIGHTS: Array<[ApplicationStatus, number]> = [
  [ApplicationStatus.ISSUED, 70],
  [ApplicationStatus.SUBMITTED, 10],
  [ApplicationStatus.VERIFIED, 6],
  [ApplicationStatus.REJECTED, 5],
  [ApplicationStatus.CANCELLED, 4],
  [ApplicationStatus.REVISION_REQUESTED, 3],
  [ApplicationStatus.APPROVED, 2],
];
const TYPE_WEIGHTS: Array<[ApplicationType, number]> = [
  [ApplicationType.BIRTH_REGISTRATION, 40],
  [ApplicationType.FAMILY_CARD_UPDATE, 30],
  [ApplicationType.FAMILY_CARD_NEW, 20],
  [ApplicationType.FAMILY_CARD_REPLACEMENT, 10],
];

function weighted<T>(items: Array<[T, number]>): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let pick = Math.random() * total;
  for (const [item, weight] of items) {
    pick -= weight;
    if (pick < 0) return item;
  }
  return items[items.length - 1][0];
}

function regency(): string {
  return Math.random() < 0.3 ? '16.02' : REGENCIES[Math.floor(Math.random() * REGENCIES.length)];
}

function* rows(count: number): Generator<string> {
  const now = Date.now();
  const span = 3 * 365 * 86_400_000;
  const sequences = new Map<string, number>();
  const details = JSON.stringify({
    familyCardNumber: '1602051201150003',
    reason: 'HILANG',
    note: 'bench row with a details document of a typical size for the queue heap fetch',
  });
  let batch: string[] = [];
  for (let i = 0; i < count; i++) {
    const code = regency();
    const submitted = new Date(now - Math.floor(Math.random() * span));
    const day = submitted.toISOString().slice(0, 10).replaceAll('-', '');
    const key = `${code}${day}`;
    const sequence = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, sequence);
    const at = submitted.toISOString();
    batch.push(
      [
        randomUUID(),
        `${code.replace('.', '')}-${day}-${String(sequence).padStart(5, '0')}`,
        weighted(TYPE_WEIGHTS),
        weighted(STATUS_WEIGHTS),
        randomUUID(),
        `160205${String(100000 + (i % 899999)).padStart(6, '0')}${String((i % 9999) + 1).padStart(4, '0')}`,
        code,
        '1602051201150003',
        details.replaceAll('\\', '\\\\'),
        at,
        at,
        at,
      ].join('\t') + '\n',
    );
    if (batch.length === 5000) {
      yield batch.join('');
      batch = [];
    }
  }
  if (batch.length > 0) yield batch.join('');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function randomFilter(): ApplicationFilter {
  const filter: ApplicationFilter = { regencyCode: regency(), limit: 20, offset: 0 };
  const shape = Math.random();
  // Staff mostly look at what waits for them; sometimes everything, or one type.
  if (shape < 0.75) filter.status = weighted(STATUS_WEIGHTS);
  if (shape > 0.4) filter.type = weighted(TYPE_WEIGHTS);
  filter.offset = weighted<number>([
    [0, 70],
    [20, 15],
    [40, 8],
    [100, 5],
    [400, 2],
  ]);
  return filter;
}

async function main(): Promise<void> {
  const name = `disduk_bench_queue_${randomBytes(3).toString('hex')}`;
  const url = withDatabase(SERVER_URL, name);
  const logger = createLogger({ app: 'bench', level: 'warn' });
  console.log(`bench:queue — ${ROWS.toLocaleString('en')} applications in scratch database ${name}`);
  await ensureDatabase(url);
  const dataSource = await openDatabase(
    {
      url,
      poolSize: 4,
      entities: [ApplicationEntity, ApplicationHistoryEntity, ApplicationDocumentEntity, AttachmentEntity],
      migrations: applicationsMigrations,
    },
    logger,
  );
  try {
    const started = performance.now();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await pipeline(
        Readable.from(rows(ROWS)),
        client.query(
          copyFrom(
            `COPY application (id, number, type, status, applicant_account_id, applicant_nik, regency_code,
               family_card_number, details, submitted_at, created_at, updated_at) FROM STDIN`,
          ),
        ),
      );
      await client.query('VACUUM ANALYZE application');
    } finally {
      await client.end();
    }
    console.log(`seeded with COPY (indexes in place) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const repository = new ApplicationRepository(dataSource);
    for (let i = 0; i < 100; i++) await repository.list(randomFilter());
    const timings: number[] = [];
    let rowsSeen = 0;
    for (let i = 0; i < QUERIES; i++) {
      const filter = randomFilter();
      const t0 = performance.now();
      const page = await repository.list(filter);
      timings.push(performance.now() - t0);
      rowsSeen += page.rows.length;
    }
    timings.sort((a, b) => a - b);
    const p50 = percentile(timings, 50);
    const p95 = percentile(timings, 95);
    const p99 = percentile(timings, 99);
    console.log(
      `queue query (page of 20 + total), ${QUERIES} random filters (regency × status? × type? × offset), ` +
        `avg ${(rowsSeen / QUERIES).toFixed(1)} rows/page:`,
    );
    console.log(
      `  p50 ${p50.toFixed(2)} ms   p95 ${p95.toFixed(2)} ms   p99 ${p99.toFixed(2)} ms   max ${timings[timings.length - 1].toFixed(2)} ms`,
    );
    const plan: Array<{ 'QUERY PLAN': string }> = await dataSource.query(
      `EXPLAIN SELECT * FROM application WHERE regency_code = $1 AND status = $2
       ORDER BY submitted_at, id LIMIT 20`,
      ['16.02', 'SUBMITTED'],
    );
    console.log(
      `  plan (regency + status): ${plan
        .map((line) => line['QUERY PLAN'].trim())
        .slice(0, 2)
        .join(' / ')}`,
    );
    const ok = p95 < BUDGET_P95_MS;
    console.log(`${ok ? 'PASS' : 'FAIL'}: p95 ${p95.toFixed(2)} ms ${ok ? '<' : '>='} ${BUDGET_P95_MS} ms`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
    await dropBenchDatabase(url, name);
  }
}

async function dropBenchDatabase(url: string, name: string): Promise<void> {
  if (!name.includes('bench')) throw new Error(`Refusing to drop "${name}": not a bench database`);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
