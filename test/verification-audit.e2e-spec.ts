import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { VerifyBatchReply } from '#lib/contracts';
import request from 'supertest';
import { auditAccessLog } from '../apps/identity/src/access-log/access-log-audit.runner.js';
import { batchRequestId, entryHash } from '../apps/identity/src/access-log/access-log-chain.js';
import type { StoredAccessLogRow } from '../apps/identity/src/access-log/access-log.repository.js';
import {
  IDENTITY_TEST_ENV,
  STAFF_PASSWORD,
  TEST_ADMIN,
  createStaff,
  importCsv,
  login,
} from './factories/accounts.factory.js';
import { agencyToken, createAgency, verification, verify, verifyBatch } from './factories/agencies.factory.js';
import { residentsCsv, syntheticFamilyWith } from './factories/registry.factory.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * The access log's hash chain against someone with write access to the database: every edited,
 * removed or slipped-in entry is reported by the audit (`npm run audit:verify` runs the same
 * check), staff reads and agency checks alike.
 */
describe('access log: append-only, hash-chained, audited', () => {
  let stack: Stack;
  let db: pg.Client;
  let batchReply: VerifyBatchReply;
  const family = syntheticFamilyWith({ regencyCode: '16.02', members: 3, seed: 81 });

  async function rows(): Promise<StoredAccessLogRow[]> {
    return (
      await db.query<StoredAccessLogRow>(
        `SELECT id::text AS id, seq::text AS seq, version, prev_hash, hash, subject_nik, at, actor_type, actor_id,
                actor_name, purpose, fields, endpoint, correlation_id, request_id, subject_niks, purposes,
                item_fields, request_ids::text[] AS request_ids
           FROM access_log l ORDER BY l.seq, l.id`,
      )
    ).rows;
  }

  beforeAll(async () => {
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    const admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await importCsv(stack.url, admin, residentsCsv([family]))).status).toBe(200);
    await createStaff(stack.url, admin, { username: 'clerk.audit', role: 'CLERK', regencyCode: '16.02' });
    const clerk = await login(stack.url, 'clerk.audit', STAFF_PASSWORD);
    const agency = await createAgency(stack.url, admin, { name: 'BANK AUDIT' });
    const token = await agencyToken(stack.url, agency);
    // Staff reads and agency checks, some at the same time, so they share group commits.
    await Promise.all([
      request(stack.url).get(`/api/v1/families/${family.familyCardNumber}`).set('authorization', `Bearer ${clerk}`),
      ...family.members.map((m) => verify(stack.url, token, verification(m.nik, { fullName: m.fullName }))),
      verifyBatch(
        stack.url,
        token,
        family.members.map((m) => verification(m.nik)),
      ).then((response) => {
        expect(response.status).toBe(200);
        batchReply = response.body as VerifyBatchReply;
      }),
      request(stack.url).get(`/api/v1/residents/${family.members[0].nik}`).set('authorization', `Bearer ${clerk}`),
    ]);
    db = new pg.Client({ connectionString: stack.databaseUrls.identity });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await stack?.close();
  });

  it('chains staff reads and agency checks in one intact chain, a batch call as one compact row', async () => {
    const logged = await rows();
    // The family read and the single checks: a row per person; the batch: one row; the resident read.
    const expected = family.members.length * 2 + 1 + 1;
    expect(logged).toHaveLength(expected);
    const batches = logged.filter((r) => r.version === 3);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({
      subject_nik: null,
      purpose: null,
      fields: null,
      endpoint: 'POST /verifications/batch',
      subject_niks: family.members.map((m) => m.nik),
      // Every check of the call had the same purpose and compared no field: stored once.
      purposes: [verification(family.members[0].nik).purpose],
      item_fields: [''],
      request_ids: null,
    });
    // Each result's request id is the row's, numbered by the check's place in the row.
    const first = batches[0].request_id as string;
    expect(first).toMatch(/^[0-9a-f-]{33}000$/);
    expect(batchReply.results.map((r) => r.requestId)).toEqual(family.members.map((_, k) => batchRequestId(first, k)));
    expect(new Set(logged.map((r) => r.actor_type))).toEqual(new Set(['STAFF', 'AGENCY']));
    expect(logged.map((r) => r.seq)).toEqual(logged.map((_, i) => String(i + 1)));
    const report = await auditAccessLog(stack.databaseUrls.identity);
    expect(report).toEqual({
      head: { seq: String(expected), hash: logged[expected - 1].hash },
      rows: expected,
      findings: [],
    });
  });

  it('refuses to edit, remove or truncate entries', async () => {
    const [first] = await rows();
    await expect(db.query(`UPDATE access_log SET purpose = 'x' WHERE id = $1`, [first.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM access_log WHERE id = $1`, [first.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE access_log`)).rejects.toThrow(/append-only/);
  });

  it('reports a batch row with an altered, a removed or a moved check, and is intact once it is restored', async () => {
    await db.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_append_only`);
    const [batch] = (await rows()).filter((r) => r.version === 3);
    const altered = [{ kind: 'ALTERED', id: batch.id, seq: batch.seq }];
    const n = batch.subject_niks?.length ?? 0;
    expect(n).toBeGreaterThan(2);
    const restore = async (): Promise<void> => {
      await db.query(
        `UPDATE access_log SET subject_niks = $2, purposes = $3, item_fields = $4, request_id = $5 WHERE id = $1`,
        [batch.id, batch.subject_niks, batch.purposes, batch.item_fields, batch.request_id],
      );
      expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toEqual([]);
    };
    try {
      // The shared purpose rewritten.
      await db.query(`UPDATE access_log SET purposes[1] = 'Tidak pernah terjadi' WHERE id = $1`, [batch.id]);
      expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toEqual(altered);
      await restore();
      // One check given a purpose of its own (the shared one spelled out per item, one changed).
      await db.query(`UPDATE access_log SET purposes = array_fill(purposes[1], ARRAY[$2::int]) WHERE id = $1`, [
        batch.id,
        n,
      ]);
      await db.query(`UPDATE access_log SET purposes[2] = 'Tidak pernah terjadi' WHERE id = $1`, [batch.id]);
      expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toEqual(altered);
      await restore();
      // The fields widened.
      await db.query(`UPDATE access_log SET item_fields[1] = 'fullName' WHERE id = $1`, [batch.id]);
      expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toEqual(altered);
      await restore();
      // A check removed (the row still reads item by item).
      await db.query(`UPDATE access_log SET subject_niks = subject_niks[2:] WHERE id = $1`, [batch.id]);
      expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toEqual(altered);
      await restore();
      // A check moved onto someone else's NIK: the resident checked would no longer see it.
      await db.query(`UPDATE access_log SET subject_niks[3] = '1602051212120999' WHERE id = $1`, [batch.id]);
      expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toEqual(altered);
      await restore();
      // The request ids the agency was given re-pointed.
      await db.query(
        `UPDATE access_log SET request_id = (left(gen_random_uuid()::text, 33) || '000')::uuid WHERE id = $1`,
        [batch.id],
      );
      expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toEqual(altered);
      await restore();
      // The row's shape is guarded too: a purpose list neither shared nor one per check is refused.
      await expect(
        db.query(`UPDATE access_log SET purposes = ARRAY['a', 'b'] || purposes[3:] WHERE id = $1`, [batch.id]),
      ).rejects.toThrow(/access_log_row_shape/);
      await expect(
        db.query(`UPDATE access_log SET item_fields = item_fields || ARRAY['sex'] WHERE id = $1`, [batch.id]),
      ).rejects.toThrow(/access_log_row_shape/);
    } finally {
      await db.query(`ALTER TABLE access_log ENABLE TRIGGER access_log_append_only`);
    }
  });

  it('reports an edited, a removed, a forged and removed newest entries, each by id or position', async () => {
    // Whoever owns the table can switch the guard off; the chain still tells.
    await db.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_append_only`);
    const logged = await rows();
    const single = logged.filter((r) => r.version === 1);
    const edited = single[1];
    const removed = single[3];
    const copied = single[5];
    const newest = logged[logged.length - 1];
    const at = (row: StoredAccessLogRow): number => logged.indexOf(row);

    await db.query(`UPDATE access_log SET purpose = 'Tidak pernah terjadi' WHERE id = $1`, [edited.id]);
    expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toEqual([
      { kind: 'ALTERED', id: edited.id, seq: edited.seq },
    ]);

    await db.query(`DELETE FROM access_log WHERE id = $1`, [removed.id]);
    expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toContainEqual({
      kind: 'DELETED',
      fromSeq: removed.seq,
      toSeq: removed.seq,
      afterId: logged[at(removed) - 1].id,
      beforeId: logged[at(removed) + 1].id,
    });

    // A forgery at a real entry's place, correctly linked and hashed: told apart by the next link.
    const forged = {
      subjectNik: copied.subject_nik as string,
      at: copied.at,
      actorType: copied.actor_type,
      actorId: copied.actor_id,
      actorName: 'PETUGAS PALSU',
      purpose: copied.purpose as string,
      fields: copied.fields as string[],
      endpoint: copied.endpoint,
      correlationId: copied.correlation_id,
      requestId: copied.request_id,
    };
    const inserted = await db.query<{ id: string }>(
      `INSERT INTO access_log (seq, subject_nik, at, actor_type, actor_id, actor_name, purpose, fields, endpoint,
                               correlation_id, request_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id::text AS id`,
      [
        copied.seq,
        forged.subjectNik,
        forged.at,
        forged.actorType,
        forged.actorId,
        forged.actorName,
        forged.purpose,
        forged.fields,
        forged.endpoint,
        forged.correlationId,
        forged.requestId,
        copied.prev_hash,
        entryHash(copied.seq, copied.prev_hash, forged),
      ],
    );
    expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toContainEqual({
      kind: 'INSERTED',
      id: inserted.rows[0].id,
      seq: copied.seq,
    });

    await db.query(`DELETE FROM access_log WHERE id = $1`, [newest.id]);
    const findings = (await auditAccessLog(stack.databaseUrls.identity)).findings;
    expect(findings).toEqual([
      { kind: 'ALTERED', id: edited.id, seq: edited.seq },
      {
        kind: 'DELETED',
        fromSeq: removed.seq,
        toSeq: removed.seq,
        afterId: logged[at(removed) - 1].id,
        beforeId: logged[at(removed) + 1].id,
      },
      { kind: 'INSERTED', id: inserted.rows[0].id, seq: copied.seq },
      { kind: 'DELETED', fromSeq: newest.seq, toSeq: newest.seq, afterId: logged[logged.length - 2].id },
    ]);
  });
});
