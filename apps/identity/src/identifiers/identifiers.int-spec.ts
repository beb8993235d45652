import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { DomainError, tryParseFamilyCardNumber, tryParseNik } from '#lib/domain';
import { installIdnAreaRegions } from '#lib/platform/regions';
import { IDENTITY_TEST_ENV, TEST_ADMIN, importCsv, login } from '../../../../test/factories/accounts.factory.js';
import { csvLine, rowOf, syntheticFamilyWith, CSV_COLUMNS } from '../../../../test/factories/registry.factory.js';
import { startStack, type Stack } from '../../../../test/support/stack.js';
import { IdentifierRepository } from './identifier.repository.js';
import { IdentifierService } from './identifier.service.js';

/**
 * Identity assigns NIKs and No. KKs itself, when it applies a birth or a new KK (no other app
 * may ask for one: the subjects were removed with the NATS allow-lists). Here the service runs
 * on a real PostgreSQL, the migrated identity database of a running stack, with many parallel
 * callers standing in for several replicas' pools.
 */
describe('assigning NIKs and No. KKs (real PostgreSQL)', () => {
  let stack: Stack;
  let db: DataSource;
  let identifiers: IdentifierService;

  beforeAll(async () => {
    installIdnAreaRegions();
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    db = new DataSource({ type: 'postgres', url: stack.databaseUrls.identity, poolSize: 20 });
    await db.initialize();
    identifiers = new IdentifierService(new IdentifierRepository(db));
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.close();
  });

  const codeOf = async (attempt: Promise<unknown>): Promise<string> => {
    try {
      await attempt;
      return 'no error';
    } catch (error) {
      return error instanceof DomainError ? error.code : String(error);
    }
  };

  it('gives 200 parallel requests for one district, date and sex 200 different NIKs, in serial order', async () => {
    const replies = await Promise.all(
      Array.from({ length: 200 }, () =>
        identifiers.assignNik({
          districtCode: '16.02.05',
          birthDate: '2026-01-25',
          sex: 'PEREMPUAN',
        }),
      ),
    );
    const niks = replies.map((reply) => reply.nik);
    expect(new Set(niks).size).toBe(200);
    for (const nik of niks) {
      const parsed = tryParseNik(nik);
      expect(parsed.ok && parsed.value).toMatchObject({
        districtCode: '16.02.05',
        birthDate: '2026-01-25',
        sex: 'PEREMPUAN',
      });
      expect(nik.slice(0, 12)).toBe('160205650126');
    }
    expect(niks.map((nik) => Number(nik.slice(12))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
  });

  it('gives 200 parallel requests for one district and date 200 different No. KKs', async () => {
    const replies = await Promise.all(
      Array.from({ length: 200 }, () =>
        identifiers.assignFamilyCardNumber({
          districtCode: '16.02.05',
          issueDate: '2026-01-25',
        }),
      ),
    );
    const numbers = replies.map((reply) => reply.familyCardNumber);
    expect(new Set(numbers).size).toBe(200);
    for (const number of numbers) {
      expect(tryParseFamilyCardNumber(number).ok).toBe(true);
      expect(number.slice(0, 12)).toBe('160205250126');
    }
  });

  it('skips serials already held by imported people', async () => {
    const family = syntheticFamilyWith({ regencyCode: '16.02', members: 1, seed: 41 });
    const person = family.members[0];
    // An imported person holds serial 0001 and 0002 of a new prefix: the next NIK there is 0003.
    const prefix = person.nik.slice(0, 12);
    const lines = [
      CSV_COLUMNS.join(','),
      csvLine(rowOf({ ...person, nik: `${prefix}0001` }, family)),
      csvLine(rowOf({ ...person, nik: `${prefix}0002`, relationship: 'FAMILI_LAIN' }, family)),
    ];
    const admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    const imported = await importCsv(stack.url, admin, `${lines.join('\n')}\n`);
    expect(imported.body).toMatchObject({ rejected: [] });
    const parsed = tryParseNik(person.nik);
    if (!parsed.ok) throw new Error('generator made a bad NIK');
    const reply = await identifiers.assignNik({
      districtCode: parsed.value.districtCode,
      birthDate: person.birthDate,
      sex: person.sex,
    });
    expect(reply.nik).toBe(`${prefix}0003`);
  });

  it('refuses a district that is not current, a future date, and says so by code', async () => {
    const unknownDistrict = await codeOf(
      identifiers.assignNik({ districtCode: '16.02.99', birthDate: '2020-01-01', sex: 'LAKI_LAKI' }),
    );
    expect(unknownDistrict).toBe('NIK.DISTRICT_UNKNOWN');
    const future = await codeOf(
      identifiers.assignFamilyCardNumber({ districtCode: '16.02.05', issueDate: '2999-01-01' }),
    );
    expect(future).toBe('KK.FUTURE_DATE');
  });

  it('records every number handed out, so none is issued twice even before it is registered', async () => {
    const client = new pg.Client({ connectionString: stack.databaseUrls.identity });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string; d: string }>(
        `SELECT count(*) AS n, count(DISTINCT value) AS d FROM issued_identifier`,
      );
      expect(Number(rows[0].n)).toBeGreaterThanOrEqual(401);
      expect(rows[0].n).toBe(rows[0].d);
    } finally {
      await client.end();
    }
  });
});
