import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { IdentityPatterns, type FamilyView, type PersonRecord } from '#lib/contracts';
import { IDENTITY_TEST_ENV, TEST_ADMIN, importCsv, login } from '../../../../test/factories/accounts.factory.js';
import { IdentityTestClient } from '../../../../test/factories/identity-client.js';
import {
  csvLine,
  rowOf,
  residentsCsv,
  syntheticFamilyWith,
  CSV_COLUMNS,
} from '../../../../test/factories/registry.factory.js';
import { startStack, type Stack } from '../../../../test/support/stack.js';

describe('registry lookups for other services, and family history (real PostgreSQL)', () => {
  let stack: Stack;
  let identity: IdentityTestClient;
  let admin: string;
  const family = syntheticFamilyWith({ regencyCode: '16.02', members: 3, seed: 51 });
  const newFamily = syntheticFamilyWith({ regencyCode: '16.02', members: 1, seed: 52 });
  const mover = family.members[family.members.length - 1];

  beforeAll(async () => {
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    identity = new IdentityTestClient(stack);
    admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await importCsv(stack.url, admin, residentsCsv([family, newFamily]))).body.rejected).toEqual([]);
  });

  afterAll(async () => {
    await identity?.close();
    await stack?.close();
  });

  it('gets people by NIK with their family and regency, leaving unknown NIKs out, without an access-log entry', async () => {
    const reply = await identity.request<{ items: PersonRecord[] }>(IdentityPatterns.PERSONS_GET, {
      niks: [family.members[0].nik, '1602050101700999'],
    });
    expect(reply.items).toEqual([
      expect.objectContaining({
        nik: family.members[0].nik,
        familyCardNumber: family.familyCardNumber,
        regencyCode: '16.02',
      }),
    ]);
    const client = new pg.Client({ connectionString: stack.databaseUrls.identity });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM access_log');
    await client.end();
    expect(rows[0].n).toBe(0);
  });

  it('finds the family of a member, and answers FAMILY.NOT_FOUND for an unknown KK', async () => {
    const found = await identity.request<FamilyView>(IdentityPatterns.FAMILY_FIND_BY_MEMBER, { nik: mover.nik });
    expect(found.familyCardNumber).toBe(family.familyCardNumber);
    const missing = await identity.failure(IdentityPatterns.FAMILY_GET, { familyCardNumber: '1602050101150999' });
    expect(missing.code).toBe('FAMILY.NOT_FOUND');
  });

  it('keeps who belonged to a family when, so an earlier KK can be listed again as it was', async () => {
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The last member moves into the new family (a re-import with another No. KK).
    const moved = csvLine(rowOf({ ...mover, relationship: 'FAMILI_LAIN' }, newFamily));
    const reply = await importCsv(stack.url, admin, `${CSV_COLUMNS.join(',')}\n${moved}\n`);
    expect(reply.body).toEqual({ imported: 0, updated: 1, rejected: [] });

    const now = await identity.request<FamilyView>(IdentityPatterns.FAMILY_GET, {
      familyCardNumber: family.familyCardNumber,
    });
    expect(now.members.map((m) => m.nik)).not.toContain(mover.nik);
    const then = await identity.request<FamilyView>(IdentityPatterns.FAMILY_GET, {
      familyCardNumber: family.familyCardNumber,
      asOf: before,
    });
    expect(then.members.map((m) => m.nik).sort()).toEqual(family.members.map((m) => m.nik).sort());
    const joined = await identity.request<FamilyView>(IdentityPatterns.FAMILY_FIND_BY_MEMBER, { nik: mover.nik });
    expect(joined.familyCardNumber).toBe(newFamily.familyCardNumber);
    expect(joined.members.find((m) => m.nik === mover.nik)?.relationship).toBe('FAMILI_LAIN');
  });

  it('stages an import chunk sent twice only once, and merges only when every chunk came', async () => {
    const principal = {
      accountId: '00000000-0000-4000-8000-000000000000',
      role: 'ADMIN' as const,
      regencyCode: '16.02',
      username: 'x',
    };
    const header = CSV_COLUMNS.join(',');
    const { importId } = await identity.request<{ importId: string }>(IdentityPatterns.IMPORT_START, {
      principal,
      header,
    });
    const other = syntheticFamilyWith({ regencyCode: '16.02', members: 2, seed: 53 });
    const text = `${other.members.map((m) => csvLine(rowOf(m, other))).join('\n')}\n`;
    const chunk = { principal, importId, seq: 0, firstLine: 2, text };
    await identity.request(IdentityPatterns.IMPORT_CHUNK, chunk);
    await identity.request(IdentityPatterns.IMPORT_CHUNK, chunk);
    const missing = await identity.failure(IdentityPatterns.IMPORT_FINISH, { principal, importId, chunks: 2 });
    expect(missing.code).toBe('IMPORT.OUT_OF_ORDER');
    const summary = await identity.request(IdentityPatterns.IMPORT_FINISH, { principal, importId, chunks: 1 });
    expect(summary).toEqual({ imported: other.members.length, updated: 0, rejectedCount: 0 });
    const stranger = { ...principal, accountId: '00000000-0000-4000-8000-000000000001' };
    expect((await identity.failure(IdentityPatterns.IMPORT_FINISH, { principal: stranger, importId })).code).toBe(
      'IMPORT.NOT_FOUND',
    );
  });
});
