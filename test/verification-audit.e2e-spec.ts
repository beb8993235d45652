import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { auditAccessLog } from '../apps/identity/src/access-log/access-log-audit.runner.js';
import { entryHash } from '../apps/identity/src/access-log/access-log-chain.js';
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
  const family = syntheticFamilyWith({ regencyCode: '16.02', members: 3, seed: 81 });

  async function rows(): Promise<StoredAccessLogRow[]> {
    return (
      await db.query<StoredAccessLogRow>(
        `SELECT id::text AS id, seq::text AS seq, prev_hash, hash, subject_nik, at, actor_type, actor_id, actor_name,
                purpose, fields, endpoint, correlation_id, request_id
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
      ),
      request(stack.url).get(`/api/v1/residents/${family.members[0].nik}`).set('authorization', `Bearer ${clerk}`),
    ]);
    db = new pg.Client({ connectionString: stack.databaseUrls.identity });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await stack?.close();
  });

  it('chains staff reads and agency checks in one intact chain', async () => {
    const logged = await rows();
    const expected = family.members.length * 3 + 1;
    expect(logged).toHaveLength(expected);
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

  it('reports an edited, a removed, a forged and removed newest entries, each by id or position', async () => {
    // Whoever owns the table can switch the guard off; the chain still tells.
    await db.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_append_only`);
    const logged = await rows();
    const edited = logged[1];
    const removed = logged[4];
    const copied = logged[6];
    const newest = logged[logged.length - 1];

    await db.query(`UPDATE access_log SET purpose = 'Tidak pernah terjadi' WHERE id = $1`, [edited.id]);
    expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toEqual([
      { kind: 'ALTERED', id: edited.id, seq: edited.seq },
    ]);

    await db.query(`DELETE FROM access_log WHERE id = $1`, [removed.id]);
    expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toContainEqual({
      kind: 'DELETED',
      fromSeq: removed.seq,
      toSeq: removed.seq,
      afterId: logged[3].id,
      beforeId: logged[5].id,
    });

    // A forgery at a real entry's place, correctly linked and hashed: told apart by the next link.
    const forged = {
      subjectNik: copied.subject_nik,
      at: copied.at,
      actorType: copied.actor_type,
      actorId: copied.actor_id,
      actorName: 'PETUGAS PALSU',
      purpose: copied.purpose,
      fields: copied.fields,
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
      { kind: 'DELETED', fromSeq: removed.seq, toSeq: removed.seq, afterId: logged[3].id, beforeId: logged[5].id },
      { kind: 'INSERTED', id: inserted.rows[0].id, seq: copied.seq },
      { kind: 'DELETED', fromSeq: newest.seq, toSeq: newest.seq, afterId: logged[logged.length - 2].id },
    ]);
  });
});
