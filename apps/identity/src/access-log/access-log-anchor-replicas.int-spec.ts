import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AccessActorType, AUDIT_ANCHORS_STREAM, type SignedAnchor } from '#lib/contracts';
import { createLogger } from '#lib/platform/core';
import { dropTestDatabase, ensureDatabase, withDatabase } from '#lib/platform/db';
import { JetStreamConnection } from '#lib/platform/events';
import { writeNatsSetup } from '../../../../scripts/nats-config.mjs';
import { freePort, startNats } from '../../../../scripts/lib/infra.mjs';
import { IdentityConfig } from '../config/identity.config.js';
import { identityMigrations } from '../migrations/index.js';
import { anchorPublicKey, anchorSignatureValid, DEV_ANCHOR_PUBLIC_KEY } from './access-log-anchor.js';
import { AccessLogAnchorService } from './access-log-anchor.service.js';
import { auditAccessLog, auditAgainstAnchors } from './access-log-audit.runner.js';
import { AccessLogRepository } from './access-log.repository.js';
import { AccessLogWriter } from './access-log.writer.js';

const INTERVAL_SECONDS = 300;

/**
 * Two identity replicas anchoring one access log (issue #13): each ticks every interval, and a
 * timed anchor's message id names its interval, so JetStream keeps one anchor per interval
 * whichever replica ticks first, whenever in the interval, and however the head moved between
 * their ticks. Real NATS (identity's own key and permissions) and real PostgreSQL.
 */
describe('access-log anchors from two identity replicas', () => {
  const suffix = randomBytes(3).toString('hex');
  const dir = path.join(tmpdir(), `anchor-replicas-${suffix}`);
  const natsLog = path.join(dir, 'nats-server.log');
  const url = withDatabase(process.env['TEST_DATABASE_URL']!, `disduk_test_anchor_${suffix}`);
  const logger = createLogger({ app: 'identity-test', level: 'silent' });
  const publicKey = anchorPublicKey(DEV_ANCHOR_PUBLIC_KEY);
  let nats: ChildProcess | undefined;
  let natsUrl: string;
  let identitySeed: string;
  /** A third identity connection, reading the stream as `audit:verify` would. */
  let reader: JetStreamConnection | undefined;
  const sources: DataSource[] = [];
  const connections: JetStreamConnection[] = [];

  interface Replica {
    anchors: AccessLogAnchorService;
    writer: AccessLogWriter;
  }

  const configOf = (name: string): IdentityConfig =>
    Object.assign(new IdentityConfig(), {
      NODE_ENV: 'test',
      NATS_URL: natsUrl,
      NATS_NKEY_SEED: identitySeed,
      APP_NAME: 'identity',
      INSTANCE_ID: name,
      ACCESS_LOG_ANCHOR_INTERVAL_SECONDS: INTERVAL_SECONDS,
    });

  /** One identity process: its own database pool and its own NATS connection, as identity. */
  const replica = async (name: string): Promise<Replica> => {
    const config = configOf(name);
    const db = new DataSource({ type: 'postgres', url, entities: [], extra: { max: 4 } });
    await db.initialize();
    sources.push(db);
    const repository = new AccessLogRepository(db);
    const jetStream = new JetStreamConnection(config, logger);
    connections.push(jetStream);
    return {
      anchors: new AccessLogAnchorService(repository, jetStream, config, logger),
      writer: new AccessLogWriter(repository, logger),
    };
  };

  let n = 0;
  const write = (replica: Replica, count: number): Promise<void> =>
    replica.writer.append(
      Array.from({ length: count }, () => ({
        subjectNik: `16020501017${String(n++ % 100_000).padStart(5, '0')}`,
        actorType: AccessActorType.AGENCY,
        actorId: '00000000-0000-4000-8000-000000000001',
        actorName: 'Bank Uji',
        purpose: 'Pembukaan rekening',
        fields: ['fullName'],
        endpoint: 'POST /verifications',
        requestId: randomUUID(),
      })),
    );

  /** Every message of the anchor stream with its message id, oldest first. */
  const stored = async (): Promise<Array<{ msgId: string | undefined; anchor: SignedAnchor }>> => {
    const jsm = await reader!.jsm();
    const { state } = await jsm.streams.info(AUDIT_ANCHORS_STREAM.name);
    const out: Array<{ msgId: string | undefined; anchor: SignedAnchor }> = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
      const message = await jsm.streams.getMessage(AUDIT_ANCHORS_STREAM.name, { seq });
      if (message === null) continue;
      out.push({ msgId: message.header?.get('Nats-Msg-Id'), anchor: message.json<SignedAnchor>() });
    }
    return out;
  };

  beforeAll(async () => {
    const setup = writeNatsSetup({ dir: path.join(dir, 'auth') });
    identitySeed = setup.seeds['identity'];
    const port = await freePort();
    natsUrl = `nats://127.0.0.1:${port}`;
    nats = await startNats({ port, dataDir: path.join(dir, 'data'), configFile: setup.configFile, logFile: natsLog });
    reader = new JetStreamConnection(configOf('identity-audit'), logger);
    connections.push(reader);
    await ensureDatabase(url);
    const db = new DataSource({ type: 'postgres', url, entities: [], migrations: identityMigrations });
    await db.initialize();
    await db.runMigrations();
    await db.destroy();
  });

  afterAll(async () => {
    for (const connection of connections) await connection.onApplicationShutdown();
    for (const db of sources) await db.destroy();
    await dropTestDatabase(url);
    nats?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one correctly signed anchor per interval, and the audit against them finds nothing', async () => {
    const [a, b] = [await replica('identity-a'), await replica('identity-b')];
    const start = Math.floor(Date.now() / (INTERVAL_SECONDS * 1000)) * INTERVAL_SECONDS * 1000;
    const tick = (k: number, offsetMs: number): number => start + k * INTERVAL_SECONDS * 1000 + offsetMs;
    /** What each replica published per interval (only one of each pair is kept). */
    const published: SignedAnchor[][] = [];

    for (let k = 0; k < 6; k++) {
      await Promise.all([write(a, 3), write(b, 2)]);
      if (k % 3 === 0) {
        // Both at the same moment (the first round also races to create the stream).
        published.push(await Promise.all([a.anchors.anchorInterval(tick(k, 5)), b.anchors.anchorInterval(tick(k, 5))]));
      } else {
        // One early in the interval, the other late, with the head moved in between.
        const [first, second] = k % 3 === 1 ? [a, b] : [b, a];
        const early = await first.anchors.anchorInterval(tick(k, 1_000));
        await write(second, 4);
        const late = await second.anchors.anchorInterval(tick(k, INTERVAL_SECONDS * 1000 - 1_000));
        expect(late.seq).not.toBe(early.seq);
        published.push([early, late]);
      }
    }

    const kept = await stored();
    const firstInterval = Math.floor(start / (INTERVAL_SECONDS * 1000));
    expect(kept.map((m) => m.msgId)).toEqual(
      published.map((_, k) => `interval-${INTERVAL_SECONDS}-${firstInterval + k}`),
    );
    kept.forEach(({ anchor }, k) => {
      expect(published[k]).toContainEqual(anchor);
      expect(anchorSignatureValid(anchor, publicKey)).toBe(true);
      expect(BigInt(anchor.seq)).toBeGreaterThan(0n);
    });
    // Where the two ticks differed, the stream kept the earlier one.
    kept.forEach(({ anchor }, k) => {
      if (k % 3 !== 0) expect(anchor).toEqual(published[k][0]);
    });

    expect((await auditAccessLog(url)).findings).toEqual([]);
    const check = await auditAgainstAnchors(
      url,
      kept.map((m) => m.anchor),
      publicKey,
    );
    expect(check).toEqual({ checked: published.length, findings: [] });
    // Identity's key was never refused anything (creating the stream, publishing, reading).
    const log = existsSync(natsLog) ? readFileSync(natsLog, 'utf8') : '';
    expect(log.split('\n').filter((line) => /violation/i.test(line))).toEqual([]);
  }, 60_000);

  it('still catches a rewritten entry at a position one of the replicas anchored', async () => {
    const kept = (await stored()).map((m) => m.anchor);
    const target = kept[2];
    const db = sources[0];
    await db.query('ALTER TABLE access_log DISABLE TRIGGER access_log_append_only');
    try {
      await db.query(`UPDATE access_log SET hash = $2 WHERE seq = $1`, [target.seq, 'f'.repeat(64)]);
    } finally {
      await db.query('ALTER TABLE access_log ENABLE TRIGGER access_log_append_only');
    }
    const check = await auditAgainstAnchors(url, kept, publicKey);
    expect(check.findings).toEqual([
      expect.objectContaining({ kind: 'ANCHOR_MISMATCH', seq: target.seq, expected: target.headHash }),
    ]);
  });
});
