import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessActorType } from '#lib/contracts';
import { createLogger } from '#lib/platform/core';
import { dropTestDatabase, ensureDatabase, withDatabase } from '#lib/platform/db';
import { identityMigrations } from '../migrations/index.js';
import { auditAccessLog } from './access-log-audit.runner.js';
import { firstBatchRequestId } from './access-log-chain.js';
import { AccessLogRepository } from './access-log.repository.js';
import { AccessLogWriter, type NewAccessLogBatch, type NewAccessLogEntry } from './access-log.writer.js';

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

  /** A batch call of `size` checks; `nik(i)` names item i's subject. */
  const batchOf = (
    size: number,
    nik: (i: number) => string,
    extra: Partial<NewAccessLogBatch> = {},
  ): NewAccessLogBatch => ({
    actorType: AccessActorType.AGENCY,
    actorId: '00000000-0000-4000-8000-000000000001',
    actorName: 'Bank Uji',
    endpoint: 'POST /verifications/batch',
    correlationId: randomUUID(),
    requestId: firstBatchRequestId(randomUUID()),
    items: {
      subjectNiks: Array.from({ length: size }, (_, i) => nik(i)),
      purposes: Array.from({ length: size }, (_, i) =>
        i % 2 === 0 ? 'Pembukaan rekening' : 'Cek "nasabah", a\\b\t{x,y}',
      ),
      fields: Array.from({ length: size }, (_, i) => ['fullName,birthDate', '', 'motherName'][i % 3]),
    },
    ...extra,
  });

  /** The newest row's batch columns. */
  const lastRow = async (): Promise<Record<string, unknown>> =>
    (
      await sources[0].query<Array<Record<string, unknown>>>(
        `SELECT version, subject_nik, subject_niks, purposes, item_fields, request_id, request_ids::text[] AS request_ids
           FROM access_log ORDER BY seq DESC LIMIT 1`,
      )
    )[0];

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

  it('writes a batch call as one row, hashed once, with its items exactly as given', async () => {
    const { writer } = await replica();
    const batch = batchOf(5, (i) => `16020502027${String(i).padStart(5, '0')}`);
    const rowsBefore = await count();
    await writer.appendBatch(batch);
    expect(await count()).toBe(rowsBefore + 1);
    expect(await lastRow()).toEqual({
      version: 3,
      subject_nik: null,
      subject_niks: batch.items.subjectNiks,
      purposes: batch.items.purposes,
      item_fields: batch.items.fields,
      request_id: batch.requestId,
      request_ids: null,
    });
    expect((await auditAccessLog(url)).findings).toEqual([]);
  });

  it('stores a purpose and field list shared by every item once', async () => {
    const { writer } = await replica();
    const batch = batchOf(4, (i) => `16020502029${String(i).padStart(5, '0')}`);
    await writer.appendBatch({
      ...batch,
      items: { ...batch.items, purposes: Array(4).fill('Pembukaan rekening'), fields: Array(4).fill('') },
    });
    expect(await lastRow()).toMatchObject({
      version: 3,
      subject_niks: batch.items.subjectNiks,
      purposes: ['Pembukaan rekening'],
      item_fields: [''],
    });
    expect((await auditAccessLog(url)).findings).toEqual([]);
  });

  it.each([
    ['a purpose list neither shared nor one per item', { purposes: ['a', 'b'] }, {}],
    ['a field list neither shared nor one per item', { fields: ['', '', ''] }, {}],
    ['no purpose', { purposes: [] }, {}],
    ['a first request id not ending in 000', {}, { requestId: '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5' }],
    ['more items than three hex digits can number', { subjectNiks: Array(4097).fill('1602050202800000') }, {}],
  ])('refuses a batch with %s, and writes nothing', async (_case, items, extra) => {
    const { writer } = await replica();
    const before = await count();
    const batch = batchOf(4, (i) => `16020502028${String(i).padStart(5, '0')}`);
    await expect(writer.appendBatch({ ...batch, ...extra, items: { ...batch.items, ...items } })).rejects.toThrow(
      /1–4,096 NIKs, a purpose and field list for all or for each, and a first request id ending in 000/,
    );
    expect(await count()).toBe(before);
  });

  it('refuses a version-3 row that cannot be read item by item at the table too', async () => {
    await expect(
      sources[0].query(
        `INSERT INTO access_log (seq, version, at, actor_type, actor_id, actor_name, endpoint, request_id,
                                 subject_niks, purposes, item_fields, prev_hash, hash)
         VALUES (999999999, 3, now(), 'AGENCY', gen_random_uuid(), 'x', 'POST /verifications/batch',
                 '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c000', ARRAY['1602050202800001','1602050202800002','1602050202800003'],
                 ARRAY['a','b'], ARRAY[''], repeat('0', 64), repeat('0', 64))`,
      ),
    ).rejects.toThrow(/access_log_row_shape/);
  });

  it('chains batch rows and single entries of two replicas writing at once into one intact chain', async () => {
    const first = await replica();
    const second = await replica();
    const before = await count();
    const appends: Array<Promise<void>> = [];
    let n = 500;
    let rows = 0;
    for (let round = 0; round < 10; round++) {
      for (const { writer } of [first, second]) {
        appends.push(writer.append(Array.from({ length: 3 }, () => entry(n++))));
        appends.push(writer.appendBatch(batchOf(200 + round, (i) => `16020503030${String(i).padStart(5, '0')}`)));
        rows += 4;
      }
    }
    await Promise.all(appends);
    expect(await count()).toBe(before + rows);
    const report = await auditAccessLog(url);
    expect(report.findings).toEqual([]);
    expect(report.rows).toBe(before + rows);
  });

  it('shows the resident each check of their NIK in a batch as its own line, newest first, paged', async () => {
    const { writer, repository } = await replica();
    const nik = '1602054404040004';
    const other = (i: number): string => `16020504041${String(i).padStart(5, '0')}`;
    await writer.append([entry(0, { subjectNik: nik, purpose: 'Cek tunggal pertama', fields: ['fullName'] })]);
    // Their NIK twice in one batch among others', the second time with no field compared.
    const batch = batchOf(6, (i) => (i === 1 || i === 4 ? nik : other(i)));
    const purposes = [...batch.items.purposes];
    purposes[1] = 'Pemutakhiran data nasabah';
    purposes[4] = 'Klaim asuransi';
    const fields = [...batch.items.fields];
    fields[1] = 'fullName,motherName';
    fields[4] = '';
    await writer.appendBatch({ ...batch, actorName: 'ASURANSI UJI', items: { ...batch.items, purposes, fields } });
    await writer.append([entry(0, { subjectNik: nik, purpose: 'Cek tunggal kedua', fields: ['birthDate'] })]);

    const all = await repository.listForSubject(nik, 10, 0);
    expect(all.total).toBe(4);
    expect(
      all.rows.map(({ actor_name, actor_type, purpose, fields }) => ({ actor_name, actor_type, purpose, fields })),
    ).toEqual([
      { actor_name: 'Bank Uji', actor_type: 'AGENCY', purpose: 'Cek tunggal kedua', fields: ['birthDate'] },
      { actor_name: 'ASURANSI UJI', actor_type: 'AGENCY', purpose: 'Klaim asuransi', fields: [] },
      {
        actor_name: 'ASURANSI UJI',
        actor_type: 'AGENCY',
        purpose: 'Pemutakhiran data nasabah',
        fields: ['fullName', 'motherName'],
      },
      { actor_name: 'Bank Uji', actor_type: 'AGENCY', purpose: 'Cek tunggal pertama', fields: ['fullName'] },
    ]);
    for (const row of all.rows) expect(row.at).toBeInstanceOf(Date);
    // Pages cut through the batch's lines without losing or repeating one.
    const pages = [
      await repository.listForSubject(nik, 2, 0),
      await repository.listForSubject(nik, 2, 2),
      await repository.listForSubject(nik, 2, 4),
    ];
    expect(pages.map((page) => page.total)).toEqual([4, 4, 4]);
    expect(pages.flatMap((page) => page.rows.map((row) => row.purpose))).toEqual(all.rows.map((row) => row.purpose));
    // Someone else in the batch sees their one line, not the resident's.
    const neighbour = await repository.listForSubject(other(0), 10, 0);
    expect(neighbour.total).toBe(1);
    expect(neighbour.rows[0].purpose).toBe(batch.items.purposes[0]);
  });
});
