import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Injectable, Module, type INestApplicationContext, type OnApplicationBootstrap } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IsString } from 'class-validator';
import { Consumers, EventSubjects, Streams } from '#lib/contracts';
import { writeNatsSetup } from '../../../../scripts/nats-config.mjs';
import { freePort, startNats, waitFor } from '../../../../scripts/lib/infra.mjs';
import { BaseConfig } from '../config/base.config.js';
import { createLogger } from '../logging/logger.js';
import { Metrics } from '../metrics/metrics.js';
import { PlatformModule } from '../platform.module.js';
import { EventConsumerHost } from './event-consumer.js';
import { EventsModule } from './events.module.js';
import { JetStreamConnection } from './jetstream-connection.js';

class Issued {
  @IsString()
  applicationId: string;
}

const received: string[] = [];

/** Applications' real consumer of documents' stream, under applications' real NATS permissions. */
@Injectable()
class IssuanceConsumer implements OnApplicationBootstrap {
  constructor(private readonly host: EventConsumerHost) {}
  onApplicationBootstrap(): void {
    this.host.subscribe({
      stream: Streams.DOCUMENTS,
      durable: Consumers.APPLICATIONS_RECORDS_ISSUANCE,
      subject: EventSubjects.DOCUMENT_SET_ISSUED,
      messageClass: Issued,
      handle: (event) => {
        received.push(event.applicationId);
        return Promise.resolve();
      },
    });
  }
}

/**
 * A consuming service started before its producer: the producer's stream does not exist and the
 * consumer's NATS key may not create it (scripts/nats-config.mjs). It only looks the stream up
 * (never asks to create it, which the server would log as a permission violation every retry),
 * says so once (WARN), waits quietly (DEBUG), and says when the stream is there (INFO); then it
 * consumes as usual.
 */
describe('a consumer started before the producer of its stream', () => {
  const suffix = randomBytes(3).toString('hex');
  const dir = path.join(tmpdir(), `stream-wait-${suffix}`);
  let nats: ChildProcess | undefined;
  let consumerApp: INestApplicationContext | undefined;
  let producerApp: INestApplicationContext | undefined;
  let configOf: (app: string) => BaseConfig;
  const natsLog = path.join(dir, 'nats-server.log');
  /** What nats-server logged about refused publishes and subscriptions. */
  const violations = (): string[] =>
    (existsSync(natsLog) ? readFileSync(natsLog, 'utf8') : '').split('\n').filter((l) => /violation/i.test(l));
  const lines: Array<Record<string, unknown>> = [];
  const about = (level: string): Array<Record<string, unknown>> =>
    lines.filter((l) => l['level'] === level && l['stream'] === Streams.DOCUMENTS.name);

  /** Lines an operator is alerted by. */
  const loud = (): Array<Record<string, unknown>> =>
    lines.filter((l) => ['warn', 'error', 'fatal'].includes(l['level'] as string));

  beforeAll(async () => {
    const setup = writeNatsSetup({ dir: path.join(dir, 'auth') });
    const port = await freePort();
    nats = await startNats({ port, dataDir: path.join(dir, 'data'), configFile: setup.configFile, logFile: natsLog });
    configOf = (app) =>
      Object.assign(new BaseConfig(), {
        NATS_URL: `nats://127.0.0.1:${port}`,
        NATS_NKEY_SEED: setup.seeds[app],
        APP_NAME: app,
      });
  });

  afterAll(async () => {
    await consumerApp?.close();
    await producerApp?.close();
    nats?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('warns once, retries quietly, and says when the stream appears; then consumes', async () => {
    const logger = createLogger({
      app: 'applications',
      level: 'debug',
      destination: {
        write(chunk: string): void {
          for (const line of chunk.split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
        },
      },
    });
    @Module({
      imports: [
        PlatformModule.forApp({ config: configOf('applications'), logger, metrics: new Metrics('stream-wait') }),
        EventsModule.forRoot({}),
      ],
      providers: [IssuanceConsumer],
    })
    class ConsumerModule {}
    consumerApp = await NestFactory.createApplicationContext(ConsumerModule, { logger: false });
    await consumerApp.init();

    // A few retries' worth of waiting: one WARN, the rest DEBUG.
    await waitFor(() => about('debug').length >= 3, 20_000, 'three quiet retries');
    expect(about('warn').map((l) => l['msg'])).toEqual([
      'Event stream does not exist yet (its producing service has not started); waiting for it',
    ]);
    expect(about('debug').every((l) => l['msg'] === 'Event stream still missing; retrying')).toBe(true);
    expect(loud()).toHaveLength(1);
    // It never asked for what its key may not do: the server has refused nothing.
    expect(readFileSync(natsLog, 'utf8')).toMatch(/Server is ready/);
    expect(violations()).toEqual([]);

    // The producer starts: its own key creates its stream; the consumer runs at its next look.
    @Module({
      imports: [
        PlatformModule.forApp({
          config: configOf('documents'),
          logger: createLogger({ app: 'documents', level: 'silent' }),
          metrics: new Metrics('stream-wait-producer'),
        }),
        EventsModule.forRoot({}),
      ],
    })
    class ProducerModule {}
    producerApp = await NestFactory.createApplicationContext(ProducerModule, { logger: false });
    await producerApp.init();
    const producer = producerApp.get(JetStreamConnection);
    await producer.ensureStream(Streams.DOCUMENTS);
    await waitFor(() => about('info').length > 0, 5_000, 'the consumer running once the stream exists');
    await (
      await producer.client()
    ).publish(EventSubjects.DOCUMENT_SET_ISSUED, JSON.stringify({ applicationId: 'a-1' }));

    await waitFor(() => received.includes('a-1'), 20_000, 'the event consumed');
    expect(about('info').map((l) => l['msg'])).toEqual(['Event stream appeared; event consumer running']);
    expect(loud()).toHaveLength(1);
    expect(violations()).toEqual([]);
  });
});
