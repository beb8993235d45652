import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { IdentityPatterns, type FinishImportReply } from '#lib/contracts';
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

  const niksOf = (families: readonly SyntheticFamily[]): string[] =>
    families.flatMap((f) => f.members.map((m) => m.nik));

  /** Stages chunk `seq` of a session: the families' CSV rows (or rows as written), from file line `firstLine`. */
  function stage(
    importId: string,
    seq: number,
    firstLine: number,
    rows: readonly SyntheticFamily[] | string,
  ): Promise<unknown> {
    return identity.request(IdentityPatterns.IMPORT_CHUNK, {
      principal,
      importId,
      seq,
      firstLine,
      text: typeof rows === 'string' ? rows : text(rows),
    });
  }

  /** `identity.import.finish` of a session, with the number of chunks sent when `chunks` is given. */
  const finishRequest = (importId: string, chunks?: number): object =>
    chunks === undefined ? { principal, importId } : { principal, importId, chunks };
  const finish = (importId: string, chunks?: number): Promise<FinishImportReply> =>
    identity.request<FinishImportReply>(IdentityPatterns.IMPORT_FINISH, finishRequest(importId, chunks));
  const finishRefused = (importId: string, chunks?: number): Promise<{ code: string; message: string }> =>
    identity.failure(IdentityPatterns.IMPORT_FINISH, finishRequest(importId, chunks));

  /** A summary with no rejected row. */
  const merged = (imported: number, updated = 0): FinishImportReply => ({ imported, updated, rejectedCount: 0 });

  async function people(niks: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await db.query<{ nik: string; full_name: string }>(
      'SELECT nik, full_name FROM person WHERE nik = ANY($1::char(16)[])',
      [niks],
    );
    return new Map(rows.map((row) => [row.nik, row.full_name]));
  }

  /** The number of rows of `tableWhere` (a table and its WHERE clause). */
  async function count(tableWhere: string, params: unknown[]): Promise<number> {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${tableWhere}`, params);
    return rows[0].n;
  }

  it('merges chunks staged out of order by line: the later line of a NIK wins, a chunk sent twice counts once', async () => {
    const importId = await start();
    const family = syntheticFamilyWith({ regencyCode: '16.02', members: 2, seed: 701 });
    const [first, second] = family.members;
    // Lines 2 to 1 + members: the family as first written; the line after: the first member
    // again, renamed, and the family with another address (the later line of a No. KK wins as
    // that of a NIK does).
    const renamed = csvLine(rowOf({ ...first, fullName: 'NAMA DIPERBAIKI' }, { ...family, address: 'JL. BARU NO. 9' }));
    await stage(importId, 1, 2 + family.members.length, `${renamed}\n`);
    await stage(importId, 0, 2, [family]);
    await stage(importId, 0, 2, [family]);
    expect((await people([first.nik, second.nik])).size).toBe(0); // staged, not merged yet

    const summary = await finish(importId, 2);
    // One row more than people: the repeated NIK counts as an update, as it did chunk by chunk.
    expect(summary).toEqual(merged(family.members.length, 1));
    const after = await people([first.nik, second.nik]);
    expect(after.get(first.nik)).toBe('NAMA DIPERBAIKI');
    expect(after.get(second.nik)).toBe(second.fullName);
    const { rows: families } = await db.query<{ address: string }>(
      'SELECT address FROM family WHERE family_card_number = $1',
      [family.familyCardNumber],
    );
    expect(families.map((row) => row.address)).toEqual(['JL. BARU NO. 9']);
    // One membership each, none opened and closed within the file.
    expect(await count('family_membership WHERE nik = ANY($1::char(16)[])', [[first.nik, second.nik]])).toBe(2);
    expect(await count('import_stage WHERE import_id = $1', [importId])).toBe(0);

    // Finished: a second finish gives the same counts, a late chunk is refused.
    expect(await finish(importId, 2)).toEqual(summary);
    const late = await identity.failure(IdentityPatterns.IMPORT_CHUNK, {
      principal,
      importId,
      seq: 2,
      firstLine: 2,
      text: text([family]),
    });
    expect(late.code).toBe('IMPORT.OUT_OF_ORDER');
    const stranger = { ...principal, accountId: '00000000-0000-4000-8000-0000000000a2' };
    expect((await identity.failure(IdentityPatterns.IMPORT_FINISH, { principal: stranger, importId })).code).toBe(
      'IMPORT.NOT_FOUND',
    );
  });

  // Each refusal on a session of its own: IMPORT.OUT_OF_ORDER, and nobody of the file merged.
  it.each([
    {
      incomplete: 'finished with a count of 2 while chunk 0 is missing',
      seed: 707,
      chunks: 2,
      prepare: (importId: string, [, b]: SyntheticFamily[]) => stage(importId, 1, 10, [b]),
      message: undefined,
    },
    {
      incomplete: 'finished without a count while its staged chunks do not run from 0 (chunk 0 missing)',
      seed: 708,
      chunks: undefined,
      prepare: (importId: string, [, b]: SyntheticFamily[]) => stage(importId, 1, 10, [b]),
      message: undefined,
    },
    {
      incomplete: 'whose staged rows were lost (PostgreSQL empties unlogged tables after a crash)',
      seed: 706,
      chunks: 1,
      prepare: async (importId: string, families: SyntheticFamily[]) => {
        await stage(importId, 0, 2, families);
        await db.query('DELETE FROM import_stage WHERE import_id = $1', [importId]);
      },
      message: 'unggah ulang',
    },
  ])('refuses to merge a session $incomplete', async ({ seed, chunks, prepare, message }) => {
    const importId = await start();
    const families = syntheticFamilies({ regencyCode: '16.02', families: 2, seed });
    await prepare(importId, families);
    const refused = await finishRefused(importId, chunks);
    expect(refused.code).toBe('IMPORT.OUT_OF_ORDER');
    if (message !== undefined) expect(refused.message).toContain(message);
    expect((await people(niksOf(families))).size).toBe(0);
  });

  it('merges nothing while a chunk is missing, and the whole file once it came', async () => {
    const importId = await start();
    const [a, b] = syntheticFamilies({ regencyCode: '16.02', families: 2, seed: 702 });
    await stage(importId, 1, 10, [b]);
    expect((await finishRefused(importId, 2)).code).toBe('IMPORT.OUT_OF_ORDER');
    expect((await people(niksOf([b]))).size).toBe(0);

    await stage(importId, 0, 2, [a]);
    expect(await finish(importId, 2)).toEqual(merged(a.members.length + b.members.length));
  });

  it('keeps two sessions staged at once apart', async () => {
    const [x, y] = [await start(), await start()];
    const xs = syntheticFamilies({ regencyCode: '16.02', families: 6, seed: 703 });
    const ys = syntheticFamilies({ regencyCode: '16.02', families: 4, seed: 704 });
    await Promise.all([
      ...xs.map((f, seq) => stage(x, seq, 2 + seq * 10, [f])),
      ...ys.map((f, seq) => stage(y, seq, 2 + seq * 10, [f])),
    ]);
    const [sx, sy] = await Promise.all([finish(x, xs.length), finish(y, ys.length)]);
    expect(sx).toEqual(merged(niksOf(xs).length));
    expect(sy).toEqual(merged(niksOf(ys).length));
  });

  it('survives a merge cut off half-way: nothing of it stays, and the next finish merges exactly once', async () => {
    const importId = await start();
    const families = syntheticFamilies({ regencyCode: '16.02', families: 5, seed: 705 });
    const niks = niksOf(families);
    await stage(importId, 0, 2, families);

    // Hold the merge at the people (it has written the families by then), then drop its
    // connection, as when identity dies mid-merge.
    const blocker = new pg.Client({ connectionString: stack.databaseUrls.identity });
    await blocker.connect();
    await blocker.query('BEGIN; LOCK TABLE person IN SHARE ROW EXCLUSIVE MODE');
    const finishing = finishRefused(importId, 1);
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
    const familyCards = families.map((f) => f.familyCardNumber);
    expect(await count('family WHERE family_card_number = ANY($1::char(16)[])', [familyCards])).toBe(0);

    expect(await finish(importId, 1)).toEqual(merged(niks.length));
    expect((await people(niks)).size).toBe(niks.length);
  });
});
