import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { IdentityPatterns } from '#lib/contracts';
import { IDENTITY_TEST_ENV } from '../../../../test/factories/accounts.factory.js';
import { IdentityTestClient } from '../../../../test/factories/identity-client.js';
import {
  csvLine,
  rowOf,
  syntheticFamilies,
  syntheticFamilyWith,
  CSV_COLUMNS,
} from '../../../../test/factories/registry.factory.js';
import type { SyntheticFamily } from '../seed/population-generator.js';
import { startStack, type Stack } from '../../../../test/support/stack.js';

/**
 * The import's chunks are staged as they come (in parallel, in any order) and merged once by
 * `identity.import.finish`: ordering by line, chunks sent twice, missing chunks, two sessions at
 * once, a merge cut off half-way (identity's connection dropped) and staged rows lost.
 */
describe('registry import: staged chunks and one merge (real PostgreSQL)', () => {
  let stack: Stack;
  let identity: IdentityTestClient;
  let db: pg.Client;
  const principal = {
    accountId: '00000000-0000-4000-8000-0000000000a1',
    role: 'ADMIN' as const,
    regencyCode: '16.02',
    username: 'import.staging',
  };
  const header = CSV_COLUMNS.join(',');

  beforeAll(async () => {
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    identity = new IdentityTestClient(stack);
    db = new pg.Client({ connectionString: stack.databaseUrls.identity });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await identity?.close();
    await stack?.close();
  });

  async function start(): Promise<string> {
    return (await identity.request<{ importId: string }>(IdentityPatterns.IMPORT_START, { principal, header }))
      .importId;
  }

  function text(families: readonly SyntheticFamily[]): string {
    return `${families.flatMap((f) => f.members.map((m) => csvLine(rowOf(m, f)))).join('\n')}\n`;
  }

  async function people(niks: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await db.query<{ nik: string; full_name: string }>(
      'SELECT nik, full_name FROM person WHERE nik = ANY($1::char(16)[])',
      [niks],
    );
    return new Map(rows.map((row) => [row.nik, row.full_name]));
  }

  it('merges chunks staged out of order by line: the later line of a NIK wins, a chunk sent twice counts once', async () => {
    const importId = await start();
    const family = syntheticFamilyWith({ regencyCode: '16.02', members: 2, seed: 701 });
    const [first, second] = family.members;
    // Line 2-3: the family as first written; line 4: the first member again, renamed.
    const chunk0 = { principal, importId, seq: 0, firstLine: 2, text: text([family]) };
    const renamed = csvLine(rowOf({ ...first, fullName: 'NAMA DIPERBAIKI' }, family));
    const chunk1 = { principal, importId, seq: 1, firstLine: 4, text: `${renamed}\n` };
    await identity.request(IdentityPatterns.IMPORT_CHUNK, chunk1);
    await identity.request(IdentityPatterns.IMPORT_CHUNK, chunk0);
    await identity.request(IdentityPatterns.IMPORT_CHUNK, chunk0);
    expect((await people([first.nik, second.nik])).size).toBe(0); // staged, not merged yet

    const summary = await identity.request(IdentityPatterns.IMPORT_FINISH, { principal, importId, chunks: 2 });
    // One row more than people: the repeated NIK counts as an update, as it did chunk by chunk.
    expect(summary).toEqual({ imported: family.members.length, updated: 1, rejectedCount: 0 });
    const merged = await people([first.nik, second.nik]);
    expect(merged.get(first.nik)).toBe('NAMA DIPERBAIKI');
    expect(merged.get(second.nik)).toBe(second.fullName);
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM family_membership WHERE nik = ANY($1::char(16)[])',
      [[first.nik, second.nik]],
    );
    expect(rows[0].n).toBe(2); // one membership each, none opened and closed within the file
    const staged = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_stage WHERE import_id = $1', [
      importId,
    ]);
    expect(staged.rows[0].n).toBe(0);

    // Finished: a second finish gives the same counts, a late chunk is refused.
    expect(await identity.request(IdentityPatterns.IMPORT_FINISH, { principal, importId, chunks: 2 })).toEqual(summary);
    const late = await identity.failure(IdentityPatterns.IMPORT_CHUNK, { ...chunk0, seq: 2 });
    expect(late.code).toBe('IMPORT.OUT_OF_ORDER');
    const stranger = { ...principal, accountId: '00000000-0000-4000-8000-0000000000a2' };
    expect((await identity.failure(IdentityPatterns.IMPORT_FINISH, { principal: stranger, importId })).code).toBe(
      'IMPORT.NOT_FOUND',
    );
  });

  it('merges nothing while a chunk is missing, and the whole file once it came', async () => {
    const importId = await start();
    const [a, b] = syntheticFamilies({ regencyCode: '16.02', families: 2, seed: 702 });
    await identity.request(IdentityPatterns.IMPORT_CHUNK, {
      principal,
      importId,
      seq: 1,
      firstLine: 10,
      text: text([b]),
    });
    const missing = await identity.failure(IdentityPatterns.IMPORT_FINISH, { principal, importId, chunks: 2 });
    expect(missing.code).toBe('IMPORT.OUT_OF_ORDER');
    // Without a count, the chunks staged must run from 0 without a gap.
    expect((await identity.failure(IdentityPatterns.IMPORT_FINISH, { principal, importId })).code).toBe(
      'IMPORT.OUT_OF_ORDER',
    );
    expect((await people(b.members.map((m) => m.nik))).size).toBe(0);

    await identity.request(IdentityPatterns.IMPORT_CHUNK, {
      principal,
      importId,
      seq: 0,
      firstLine: 2,
      text: text([a]),
    });
    const summary = await identity.request(IdentityPatterns.IMPORT_FINISH, { principal, importId, chunks: 2 });
    expect(summary).toEqual({ imported: a.members.length + b.members.length, updated: 0, rejectedCount: 0 });
  });

  it('keeps two sessions staged at once apart', async () => {
    const [x, y] = [await start(), await start()];
    const xs = syntheticFamilies({ regencyCode: '16.02', families: 6, seed: 703 });
    const ys = syntheticFamilies({ regencyCode: '16.02', families: 4, seed: 704 });
    await Promise.all([
      ...xs.map((f, seq) =>
        identity.request(IdentityPatterns.IMPORT_CHUNK, {
          principal,
          importId: x,
          seq,
          firstLine: 2 + seq * 10,
          text: text([f]),
        }),
      ),
      ...ys.map((f, seq) =>
        identity.request(IdentityPatterns.IMPORT_CHUNK, {
          principal,
          importId: y,
          seq,
          firstLine: 2 + seq * 10,
          text: text([f]),
        }),
      ),
    ]);
    const [sx, sy] = await Promise.all([
      identity.request(IdentityPatterns.IMPORT_FINISH, { principal, importId: x, chunks: xs.length }),
      identity.request(IdentityPatterns.IMPORT_FINISH, { principal, importId: y, chunks: ys.length }),
    ]);
    const count = (families: SyntheticFamily[]): number => families.reduce((n, f) => n + f.members.length, 0);
    expect(sx).toEqual({ imported: count(xs), updated: 0, rejectedCount: 0 });
    expect(sy).toEqual({ imported: count(ys), updated: 0, rejectedCount: 0 });
  });

  it('survives a merge cut off half-way: nothing of it stays, and the next finish merges exactly once', async () => {
    const importId = await start();
    const families = syntheticFamilies({ regencyCode: '16.02', families: 5, seed: 705 });
    const niks = families.flatMap((f) => f.members.map((m) => m.nik));
    await identity.request(IdentityPatterns.IMPORT_CHUNK, {
      principal,
      importId,
      seq: 0,
      firstLine: 2,
      text: text(families),
    });

    // Hold the merge at the people (it has written the families by then), then drop its
    // connection, as when identity dies mid-merge.
    const blocker = new pg.Client({ connectionString: stack.databaseUrls.identity });
    await blocker.connect();
    await blocker.query('BEGIN; LOCK TABLE person IN SHARE ROW EXCLUSIVE MODE');
    const finishing = identity.failure(IdentityPatterns.IMPORT_FINISH, { principal, importId, chunks: 1 });
    let terminated = false;
    for (let i = 0; i < 200 && !terminated; i++) {
      const { rows } = await db.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%import_latest%' AND pid <> pg_backend_pid()`,
      );
      if (rows.length > 0) {
        await db.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
        terminated = true;
      } else {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect(terminated).toBe(true);
    await finishing;
    expect((await people(niks)).size).toBe(0);
    const families0 = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM family WHERE family_card_number = ANY($1::char(16)[])',
      [families.map((f) => f.familyCardNumber)],
    );
    expect(families0.rows[0].n).toBe(0);

    const summary = await identity.request(IdentityPatterns.IMPORT_FINISH, { principal, importId, chunks: 1 });
    expect(summary).toEqual({ imported: niks.length, updated: 0, rejectedCount: 0 });
    expect((await people(niks)).size).toBe(niks.length);
  });

  it('refuses to merge a session whose staged rows were lost (PostgreSQL empties unlogged tables after a crash)', async () => {
    const importId = await start();
    const families = syntheticFamilies({ regencyCode: '16.02', families: 2, seed: 706 });
    await identity.request(IdentityPatterns.IMPORT_CHUNK, {
      principal,
      importId,
      seq: 0,
      firstLine: 2,
      text: text(families),
    });
    await db.query('DELETE FROM import_stage WHERE import_id = $1', [importId]);
    const lost = await identity.failure(IdentityPatterns.IMPORT_FINISH, { principal, importId, chunks: 1 });
    expect(lost.code).toBe('IMPORT.OUT_OF_ORDER');
    expect(lost.message).toContain('unggah ulang');
    expect((await people(families.flatMap((f) => f.members.map((m) => m.nik)))).size).toBe(0);
  });
});
