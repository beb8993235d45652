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
import { createLogger } from '../logging/logger.js';
import { Metrics } from '../metrics/metrics.js';
import { PlatformModule } from '../platform.module.js';
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

@Injectable()
class ThingConsumer implements OnApplicationBootstrap {
  constructor(private readonly host: EventConsumerHost) {}
  onApplicationBootstrap(): void {
    this.host.subscribe({
      stream: STREAM,
      durable: `test-consumer-${suffix}`,
      subject: SUBJECT,
      messageClass: ThingHappened,
      handle: (event) => {
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
    const logger = createLogger({ app: 'events-test', level: 'silent' });

    @Module({
      imports: [
        PlatformModule.forApp({ config, logger, metrics: new Metrics('events-test') }),
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

    app = await NestFactory.createApplicationContext(TestEventsModule, { logger: false });
    await app.init();
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

  it('retries an event whose handler failed until it succeeds', async () => {
    failuresToInject = 2;
    await publish('retried', 3);
    await waitFor(() => countOf('retried') === 1, 20_000, 'the retried event');
    expect(failuresToInject).toBe(0);
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
