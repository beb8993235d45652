import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Injectable, Module, type INestApplicationContext, type OnApplicationBootstrap } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IsInt, IsString } from 'class-validator';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { freePort, startNats, waitFor } from '../../../../scripts/lib/infra.mjs';
import { BaseConfig } from '../config/base.config.js';
import { DatabaseModule } from '../database/database.module.js';
import { dropTestDatabase, withDatabase } from '../database/ensure-database.js';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { createLogger } from '../logging/logger.js';
import { Metrics } from '../metrics/metrics.js';
import { PlatformModule } from '../platform.module.js';
import { listDeadLetters, replayDeadLetter } from './dead-letters.js';
import { EventConsumerHost } from './event-consumer.js';
import { EventsModule } from './events.module.js';
import { enqueueEvent, OUTBOX_TABLE_SQL } from './outbox.js';

class ThingHappened {
  @IsString()
  id: string;

  @IsInt()
  n: number;
}

class CreateOutbox1700000000000 implements MigrationInterface {
  name = 'CreateOutbox1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(OUTBOX_TABLE_SQL);
  }
  async down(): Promise<void> {}
}

const suffix = randomBytes(3).toString('hex');
const STREAM = { name: `TEST_EVENTS_${suffix}`, subjects: [`test-${suffix}.thing.happened`] };
const SUBJECT = `test-${suffix}.thing.happened`;

/** What the consumer saw, and how it should behave next: shared with the test. */
const received: ThingHappened[] = [];
let failuresToInject = 0;
/** Handler runs that fail as when the database is restarting (connection refused). */
let outagesToInject = 0;
/** Ids whose handling always fails (a poison event), until the test cures them. */
const poisoned = new Set<string>();
/** Ids whose handler waits for the promise (a long render), and those whose handler started. */
const blocked = new Map<string, Promise<void>>();
const entered = new Set<string>();

@Injectable()
class ThingConsumer implements OnApplicationBootstrap {
  constructor(private readonly host: EventConsumerHost) {}
  onApplicationBootstrap(): void {
    this.host.subscribe({
      stream: STREAM,
      durable: `test-consumer-${suffix}`,
      subject: SUBJECT,
      messageClass: ThingHappened,
      // A long deadline: what comes back sooner was returned, not timed out.
      delivery: { maxDeliveries: 3, ackWaitSeconds: 30 },
      handle: async (event) => {
        const wait = blocked.get(event.id);
        if (wait) {
          entered.add(event.id);
          return wait;
        }
        if (poisoned.has(event.id)) return Promise.reject(new Error(`poison ${event.id}`));
        if (outagesToInject > 0) {
          outagesToInject -= 1;
          return Promise.reject(
            Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
          );
        }
        if (failuresToInject > 0) {
          failuresToInject -= 1;
          return Promise.reject(new Error('injected failure'));
        }
        received.push(event);
        return Promise.resolve();
      },
    });
  }
}

describe('outbox, relay and durable consumer over real PostgreSQL and NATS JetStream', () => {
  let nats: ChildProcess | undefined;
  let natsPort: number;
  let natsDir: string;
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let databaseUrl: string;
  let metrics: Metrics;
  let startApp: () => Promise<INestApplicationContext>;
  const logLines: Array<Record<string, unknown>> = [];
  const linesSaying = (msg: string): Array<Record<string, unknown>> => logLines.filter((l) => l['msg'] === msg);
  const counter = async (name: string): Promise<number> => {
    const metric = await metrics.registry.getSingleMetric(name)?.get();
    return (metric?.values ?? []).reduce((sum, v) => sum + v.value, 0);
  };

  const restartNats = async (): Promise<void> => {
    nats = await startNats({ port: natsPort, dataDir: natsDir });
  };
  const stopNats = async (): Promise<void> => {
    const child = nats;
    nats = undefined;
    const exited = new Promise((r) => child?.once('exit', r));
    child?.kill('SIGKILL');
    await exited;
  };
  const publish = (id: string, n: number): Promise<void> =>
    dataSource.transaction((manager) => enqueueEvent(manager, SUBJECT, { id, n }, `thing:${id}`));
  const countOf = (id: string): number => received.filter((e) => e.id === id).length;

  beforeAll(async () => {
    natsPort = await freePort();
    natsDir = path.join(tmpdir(), `events-int-${suffix}`);
    await restartNats();
    databaseUrl = withDatabase(process.env['TEST_DATABASE_URL']!, `disduk_test_events_${suffix}`);
    const config = Object.assign(new BaseConfig(), { NATS_URL: `nats://127.0.0.1:${natsPort}` });
    const logger = createLogger({
      app: 'events-test',
      level: 'info',
      destination: {
        write(chunk: string): void {
          for (const line of chunk.split('\n')) if (line) logLines.push(JSON.parse(line) as Record<string, unknown>);
        },
      },
    });
    metrics = new Metrics('events-test');

    @Module({
      imports: [
        PlatformModule.forApp({ config, logger, metrics }),
        DatabaseModule.forRoot({
          url: databaseUrl,
          poolSize: 4,
          entities: [],
          migrations: [CreateOutbox1700000000000],
        }),
        EventsModule.forRoot({ publishes: STREAM }),
      ],
      providers: [ThingConsumer],
    })
    class TestEventsModule {}

    startApp = async () => {
      const context = await NestFactory.createApplicationContext(TestEventsModule, { logger: false });
      await context.init();
      return context;
    };
    app = await startApp();
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    nats?.kill('SIGKILL');
    await dropTestDatabase(databaseUrl);
    rmSync(natsDir, { recursive: true, force: true });
  });

  it('delivers an event committed with its change, exactly once per dedup key', async () => {
    await publish('a', 1);
    await publish('a', 1); // the same event again: stored once
    await waitFor(() => countOf('a') === 1, 10_000, 'event a');
    await new Promise((r) => setTimeout(r, 500));
    expect(countOf('a')).toBe(1);
    const [{ pending }] = await dataSource.query<Array<{ pending: number }>>(
      'SELECT count(*)::int AS pending FROM outbox_events WHERE published_at IS NULL',
    );
    expect(pending).toBe(0);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await enqueueEvent(manager, SUBJECT, { id: 'rolled-back', n: 0 }, 'thing:rolled-back');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await publish('after-rollback', 2);
    await waitFor(() => countOf('after-rollback') === 1, 10_000, 'the next event');
    expect(countOf('rolled-back')).toBe(0);
  });

  it('retries an event whose handler failed until it succeeds, logging and counting each redelivery', async () => {
    const before = await counter('events_redelivered_total');
    failuresToInject = 2;
    await publish('retried', 3);
    await waitFor(() => countOf('retried') === 1, 20_000, 'the retried event');
    expect(failuresToInject).toBe(0);
    expect(await counter('events_redelivered_total')).toBe(before + 2);
    const redelivered = linesSaying('Event redelivered').filter((l) => l['level'] === 'warn');
    expect(redelivered.map((l) => l['attempt'])).toEqual(expect.arrayContaining([2, 3]));
  });

  it('keeps an event whose database is unreachable and runs it again at once when it is back, not redelivered', async () => {
    const before = await counter('events_redelivered_total');
    outagesToInject = 4;
    const publishedAt = Date.now();
    await publish('outage', 7);
    await waitFor(() => countOf('outage') === 1, 10_000, 'the event after the outage');
    expect(outagesToInject).toBe(0);
    // Four tries within ~1.5 s, where four redeliveries would have waited 0.5 + 1 + 2 + 4 s.
    expect(Date.now() - publishedAt).toBeLessThan(5000);
    expect(await counter('events_redelivered_total')).toBe(before);
    expect(linesSaying('Database unavailable; the event waits here for it')).toHaveLength(1);
    expect(linesSaying('Event handled once the database was back')).toHaveLength(1);
  });

  it('dead-letters a poison event after its last delivery, and the command replays it', async () => {
    const nc = await connect({ servers: `nats://127.0.0.1:${natsPort}` });
    try {
      const jsm = await jetstreamManager(nc);
      const deadBefore = await counter('events_dead_lettered_total');
      poisoned.add('poison');
      await publish('poison', 5);
      await waitFor(
        async () => (await listDeadLetters(jsm)).some((l) => l.payload.includes('"poison"')),
        30_000,
        'the poison event in the dead-letter stream',
      );
      const letter = (await listDeadLetters(jsm)).find((l) => l.payload.includes('"poison"'))!;
      expect(letter).toMatchObject({ subject: SUBJECT, durable: `test-consumer-${suffix}`, deliveries: 3 });
      expect(letter.reason).toContain('poison poison');
      expect(await counter('events_dead_lettered_total')).toBe(deadBefore + 1);
      expect(linesSaying('Event dead-lettered; list and replay with `npm run events:dead-letters`')).toHaveLength(1);
      // Set aside, not retried any more.
      await new Promise((r) => setTimeout(r, 2500));
      expect(countOf('poison')).toBe(0);

      // The cause is fixed; the operator replays it, and it is handled once and leaves the list.
      poisoned.delete('poison');
      await replayDeadLetter(jetstream(nc), jsm, letter.id);
      await waitFor(() => countOf('poison') === 1, 10_000, 'the replayed event');
      expect(await listDeadLetters(jsm)).toEqual([]);
    } finally {
      await nc.close();
    }
  });

  it('returns an event still being handled at shutdown at once, so the next process has it without waiting', async () => {
    let release: () => void = () => undefined;
    blocked.set('slow', new Promise<void>((resolve) => (release = resolve)));
    await publish('slow', 6);
    await waitFor(() => entered.has('slow'), 10_000, 'the handler to start');
    const closedAt = Date.now();
    await app.close();
    blocked.delete('slow');
    app = await startApp();
    dataSource = app.get(DataSource);
    await waitFor(() => countOf('slow') === 1, 20_000, 'the event in the next process');
    // Well before the 30 s acknowledgement deadline.
    expect(Date.now() - closedAt).toBeLessThan(15_000);
    expect(linesSaying('Shutting down: event returned unfinished')).toHaveLength(1);
    release();
    await new Promise((r) => setTimeout(r, 300));
    expect(countOf('slow')).toBe(1);
  });

  it('keeps events written while NATS is down and delivers them once it is back', async () => {
    await stopNats();
    await publish('during-outage', 4);
    await new Promise((r) => setTimeout(r, 1500));
    expect(countOf('during-outage')).toBe(0);
    await restartNats();
    await waitFor(() => countOf('during-outage') === 1, 30_000, 'the event written during the outage');
  });
});
