import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  anchorPublicKey,
  anchorSignatureValid,
  DEV_ANCHOR_PUBLIC_KEY,
} from '../apps/identity/src/access-log/access-log-anchor.js';
import { readAnchors } from '../apps/identity/src/access-log/access-log-anchor.reader.js';
import { auditAccessLog, auditAgainstAnchors } from '../apps/identity/src/access-log/access-log-audit.runner.js';
import { entryHash } from '../apps/identity/src/access-log/access-log-chain.js';
import { AccessLogRepository } from '../apps/identity/src/access-log/access-log.repository.js';
import type { AuditRow } from '../apps/identity/src/access-log/access-log-audit.js';
import {
  createStaff,
  IDENTITY_TEST_ENV,
  importCsv,
  login,
  STAFF_PASSWORD,
  TEST_ADMIN,
} from './factories/accounts.factory.js';
import { residentsCsv, syntheticFamilies } from './factories/registry.factory.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * Issue #13: the access log's chain head is anchored outside the database (signed, in the
 * AUDIT_ANCHORS stream), so that someone with the database's superuser, who can rewrite the
 * whole chain consistently or cut its tail and move the head back — which the chain alone
 * cannot notice — is caught by `audit:verify` against the anchors.
 */
describe('access log anchored outside the database', () => {
  let stack: Stack;
  let nc: NatsConnection;
  let db: pg.Client;
  const key = anchorPublicKey(DEV_ANCHOR_PUBLIC_KEY);

  beforeAll(async () => {
    stack = await startStack({ env: { ...IDENTITY_TEST_ENV, ACCESS_LOG_ANCHOR_INTERVAL_SECONDS: '1' } });
    const admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    const [family] = syntheticFamilies({ regencyCode: '16.02', families: 1, seed: 77 });
    expect((await importCsv(stack.url, admin, residentsCsv([family]))).status).toBe(200);
    await createStaff(stack.url, admin, { username: 'clerk.anchor', role: 'CLERK', regencyCode: '16.02' });
    const clerk = await login(stack.url, 'clerk.anchor', STAFF_PASSWORD);
    for (let i = 0; i < 3; i++) {
      await request(stack.url)
        .get(`/api/v1/families/${family.familyCardNumber}`)
        .set('authorization', `Bearer ${clerk}`)
        .expect(200);
    }
    nc = await stack.connectAs('identity');
    db = new pg.Client({ connectionString: stack.databaseUrls.identity });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await stack?.close();
  });

  async function head(): Promise<{ seq: string; hash: string }> {
    return (await db.query<{ seq: string; hash: string }>('SELECT seq::text AS seq, hash FROM access_log_head'))
      .rows[0];
  }

  /** Waits until the stream holds an anchor of the current head. */
  async function anchoredHead(): Promise<void> {
    const current = await head();
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const anchors = await readAnchors(nc);
      if (anchors.some((a) => a.seq === current.seq && a.headHash === current.hash)) return;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error('no anchor of the current head within 20 s');
  }

  it('publishes signed anchors of the head that only identity may write, and an intact log passes', async () => {
    await anchoredHead();
    const anchors = await readAnchors(nc);
    expect(anchors.every((a) => anchorSignatureValid(a, key))).toBe(true);
    // No anchor is kept twice (the message id names the interval or the head). Not "one anchor
    // per wall-clock second": on a loaded machine a late tick of one interval and the next
    // interval's tick can both sign within the same second, as two intervals should.
    expect(new Set(anchors.map((a) => `${a.seq}|${a.headHash}|${a.at}`)).size).toBe(anchors.length);
    expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toEqual([]);
    expect((await auditAgainstAnchors(stack.databaseUrls.identity, anchors, key)).findings).toEqual([]);
    // The gateway's key may not publish an anchor.
    const gateway = await stack.connectAs('gateway');
    const forged = { ...anchors[0], seq: '1' };
    await expect(gateway.request('audit.anchor.access-log', JSON.stringify(forged), { timeout: 1000 })).rejects.toThrow(
      /Permissions Violation|timeout|no responders/i,
    );
    await gateway.close();
    // A tampered anchor (signature no longer matches) is reported, not trusted.
    const tampered = { ...anchors[anchors.length - 1], headHash: 'f'.repeat(64) };
    expect((await auditAgainstAnchors(stack.databaseUrls.identity, [tampered], key)).findings).toEqual([
      expect.objectContaining({ kind: 'ANCHOR_FORGED' }),
    ]);
  });

  it('catches a chain rewritten consistently by a superuser (which the chain alone cannot)', async () => {
    await anchoredHead();
    const anchors = await readAnchors(nc);
    // Rewrite entry 2's purpose and recompute every hash after it, head included.
    const source = new DataSource({ type: 'postgres', url: stack.databaseUrls.identity, entities: [] });
    await source.initialize();
    const rows: AuditRow[] = await new AccessLogRepository(source).pageInChainOrder({ seq: '0', id: '0' }, 10_000);
    await source.destroy();
    await db.query('ALTER TABLE access_log DISABLE TRIGGER access_log_append_only');
    let prev = rows[0].hash;
    for (const row of rows.slice(1)) {
      const single = row.version === undefined || row.version === 1;
      const content = row.seq === '2' && single ? { ...row, purpose: 'Tidak pernah terjadi' } : row;
      const hash = entryHash(row.seq, prev, content);
      await db.query('UPDATE access_log SET purpose = $2, prev_hash = $3, hash = $4 WHERE id = $1', [
        row.id,
        'purpose' in content ? content.purpose : null,
        prev,
        hash,
      ]);
      prev = hash;
    }
    await db.query('UPDATE access_log_head SET hash = $1', [prev]);
    // The chain alone: consistent, nothing to see.
    expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toEqual([]);
    // Against the anchors: the anchored positions no longer hold the anchored hashes.
    const { findings } = await auditAgainstAnchors(stack.databaseUrls.identity, anchors, key);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.kind === 'ANCHOR_MISMATCH')).toBe(true);
  });

  it('catches a tail deleted with the head moved back', async () => {
    await anchoredHead();
    const anchors = await readAnchors(nc);
    const current = await head();
    const keep = String(BigInt(current.seq) - 2n);
    const kept = await db.query<{ hash: string }>('SELECT hash FROM access_log WHERE seq = $1', [keep]);
    await db.query('DELETE FROM access_log WHERE seq > $1', [keep]);
    await db.query('UPDATE access_log_head SET seq = $1, hash = $2', [keep, kept.rows[0].hash]);
    expect((await auditAccessLog(stack.databaseUrls.identity)).findings).toEqual([]);
    const { findings } = await auditAgainstAnchors(stack.databaseUrls.identity, anchors, key);
    expect(findings).toContainEqual(
      expect.objectContaining({ kind: 'TRUNCATED', anchorSeq: current.seq, headSeq: keep }),
    );
  });
});
