import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessActorType } from '#lib/contracts';
import { createLogger } from '#lib/platform/core';
import { dropTestDatabase, ensureDatabase, withDatabase } from '#lib/platform/db';
import { identityMigrations } from '../migrations/index.js';
import { auditAccessLog } from './access-log-audit.runner.js';
import { AccessLogRepository } from './access-log.repository.js';
import { AccessLogWriter, type NewAccessLogEntry } from './access-log.writer.js';

/**
 * The access log's writers against real PostgreSQL: each chains after the head it expects and
 * appends in one statement; two writers (two replicas) appending at once must still leave one
 * intact chain with every entry in it, and an entry's text must come back exactly as hashed.
 */
describe('access-log writer: optimistic chaining, two replicas, one chain', () => {
  const url = withDatabase(process.env['TEST_DATABASE_URL']!, `disduk_test_alog_${randomBytes(3).toString('hex')}`);
  const sources: DataSource[] = [];
  const logger = createLogger({ app: 'identity-test', level: 'silent' });

  const replica = async (): Promise<{ writer: AccessLogWriter; repository: AccessLogRepository }> => {
    const db = new DataSource({ type: 'postgres', url, entities: [], extra: { max: 4 } });
    await db.initialize();
    sources.push(db);
    const repository = new AccessLogRepository(db);
    return { writer: new AccessLogWriter(repository, logger), repository };
  };

  const entry = (n: number, extra: Partial<NewAccessLogEntry> = {}): NewAccessLogEntry => ({
    subjectNik: `16020501017${String(n % 100_000).padStart(5, '0')}`,
    actorType: AccessActorType.AGENCY,
    actorId: '00000000-0000-4000-8000-000000000001',
    actorName: 'Bank Uji',
    purpose: 'Pembukaan rekening',
    fields: ['fullName', 'birthDate'],
    endpoint: 'POST /verifications/batch',
    requestId: randomUUID(),
    ...extra,
  });

  const count = async (): Promise<number> =>
    Number((await sources[0].query<Array<{ n: string }>>(`SELECT count(*) AS n FROM access_log`))[0].n);

  beforeAll(async () => {
    await ensureDatabase(url);
    const db = new DataSource({ type: 'postgres', url, entities: [], migrations: identityMigrations });
    await db.initialize();
    await db.runMigrations();
    await db.destroy();
  });

  afterAll(async () => {
    for (const db of sources) await db.destroy();
    await dropTestDatabase(url);
  });

  it('keeps the exact text of every column, odd characters and missing values included', async () => {
    const { writer } = await replica();
    await writer.append([
      entry(1, {
        purpose: 'Cek "nasabah", a\\b\t{x,y}',
        fields: ['fullName', 'a "quoted", field', 'back\\slash', '{braces}'],
        correlationId: undefined,
        requestId: undefined,
      }),
      entry(2, { fields: [] }),
    ]);
    const rows = await sources[0].query<Array<{ purpose: string; fields: string[]; correlation_id: string | null }>>(
      `SELECT purpose, fields, correlation_id FROM access_log ORDER BY seq`,
    );
    expect(rows).toEqual([
      {
        purpose: 'Cek "nasabah", a\\b\t{x,y}',
        fields: ['fullName', 'a "quoted", field', 'back\\slash', '{braces}'],
        correlation_id: null,
      },
      { purpose: 'Pembukaan rekening', fields: [], correlation_id: null },
    ]);
    const report = await auditAccessLog(url);
    expect(report.findings).toEqual([]);
    expect(report.rows).toBe(2);
  });

  it('writes nothing when the head is not the one expected', async () => {
    const { repository } = await replica();
    const before = await repository.readHead();
    const stale = { seq: String(BigInt(before.seq) - 1n), hash: before.hash };
    const attempt = repository.appendAfter(stale, [
      {
        subjectNik: '1602050101700001',
        at: new Date(),
        actorType: 'AGENCY',
        actorId: '00000000-0000-4000-8000-000000000001',
        actorName: 'Bank Uji',
        purpose: 'x',
        fields: [],
        endpoint: 'POST /verifications',
        correlationId: null,
        requestId: null,
      },
    ]);
    expect(attempt.head.seq).toBe(before.seq);
    await expect(attempt.written).resolves.toBe(false);
    expect(await repository.readHead()).toEqual(before);
    expect((await auditAccessLog(url)).findings).toEqual([]);
  });

  it('chains every entry of two replicas writing at once into one intact chain', async () => {
    const first = await replica();
    const second = await replica();
    const before = await count();
    const appends: Array<Promise<void>> = [];
    let n = 100;
    // Bursts from both replicas, so each sees the head moved by the other and writes of one
    // replica overlap (two in flight) while the other's land between them.
    for (let round = 0; round < 20; round++) {
      for (const { writer } of [first, second]) {
        for (let call = 0; call < 3; call++) {
          const size = 1 + ((round * 7 + call * 13) % 40);
          appends.push(writer.append(Array.from({ length: size }, () => entry(n++))));
        }
      }
      if (round % 4 === 0) await Promise.all(appends);
    }
    await Promise.all(appends);
    const written = n - 100;
    expect(await count()).toBe(before + written);
    const report = await auditAccessLog(url);
    expect(report.findings).toEqual([]);
    expect(report.rows).toBe(before + written);
    expect(Number(report.head.seq)).toBe(before + written);
  });

  it('refuses the whole write, and moves no head, when a row is invalid', async () => {
    const { writer, repository } = await replica();
    await writer.append([entry(0)]); // the next write goes after the head this one left
    const before = await repository.readHead();
    await expect(writer.append([entry(1), entry(2, { actorId: 'not-a-uuid' })])).rejects.toThrow();
    expect(await repository.readHead()).toEqual(before);
    await writer.append([entry(3)]);
    expect((await auditAccessLog(url)).findings).toEqual([]);
  });
});
