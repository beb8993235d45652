import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { headers as natsHeaders } from '@nats-io/transport-node';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { StreamDefinition } from '#lib/contracts';
import { CORRELATION_HEADER } from '../context/request-context.js';
import type { AppLogger } from '../logging/logger.js';
import { Metrics } from '../metrics/metrics.js';
import { APP_LOGGER } from '../platform.tokens.js';
import { JetStreamConnection } from './jetstream-connection.js';
import { OUTBOX_CHANNEL } from './outbox.js';

export const OUTBOX_STREAM = Symbol('OUTBOX_STREAM');

const BATCH = 100;
const POLL_MS = 1000;
/** After a failure (NATS or the database away): 250 ms, 500 ms, 1 s, then every 2 s. */
const RETRY_MS = [250, 500, 1000, 2000];
/** Published events are kept a while for inspection, then removed (JetStream keeps its own copy). */
const KEEP_PUBLISHED = '7 days';
const PRUNE_EVERY_MS = 10 * 60 * 1000;

interface OutboxRow {
  id: string;
  subject: string;
  payload: unknown;
  dedup_key: string;
  headers: { correlationId?: string };
}

/**
 * Publishes what the outbox holds to JetStream, oldest first, then marks it published. Any
 * number of replicas may run it: each claims rows with SKIP LOCKED. A crash between publishing
 * and marking republishes the row later; the stream drops it as a duplicate of its message id,
 * and consumers are idempotent anyway. It wakes on NOTIFY (sent at commit) and polls too.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopped = false;
  private listener?: pg.Client;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private prunedAt = 0;
  /** Failed drains in a row, and since when. */
  private failures = 0;
  private failingSince = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jetStream: JetStreamConnection,
    @Inject(OUTBOX_STREAM) private readonly stream: StreamDefinition,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    void this.listen();
    this.schedule(0);
  }

  /** Publishes everything pending now; resolves when the outbox is empty or NATS fails. */
  async drain(): Promise<number> {
    await this.jetStream.ensureStream(this.stream);
    if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = Date.now();
      await this.dataSource.query(
        `DELETE FROM outbox_events WHERE published_at < now() - interval '${KEEP_PUBLISHED}'`,
      );
    }
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < BATCH) return total;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), delayMs);
  }

  private wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then((published) => {
        if (this.failures > 0) {
          this.logger.info(
            { published, failures: this.failures, downMs: Date.now() - this.failingSince },
            'Outbox relay publishing again',
          );
          this.failures = 0;
        }
        this.schedule(POLL_MS);
      })
      .catch((error: unknown) => {
        if (this.failures === 0) {
          this.failingSince = Date.now();
          this.logger.warn({ err: error }, 'Outbox relay could not publish; retrying');
        } else {
          this.logger.debug({ err: error, failures: this.failures + 1 }, 'Outbox relay still cannot publish');
        }
        this.schedule(RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)]);
        this.failures += 1;
      })
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.schedule(0);
        }
      });
  }

  private async publishBatch(): Promise<number> {
    const js = await this.jetStream.client();
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<OutboxRow[]>(
        `SELECT id, subject, payload, dedup_key, headers FROM outbox_events
          WHERE published_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      const published: string[] = [];
      for (const row of rows) {
        const headers = natsHeaders();
        if (row.headers.correlationId) headers.set(CORRELATION_HEADER, row.headers.correlationId);
        try {
          await js.publish(row.subject, JSON.stringify(row.payload), { msgID: row.dedup_key, headers, timeout: 5000 });
          published.push(row.id);
          this.metrics.eventsPublished.inc({ subject: row.subject });
        } catch (error) {
          await manager.query('UPDATE outbox_events SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
            row.id,
            error instanceof Error ? error.message.slice(0, 500) : 'publish failed',
          ]);
          break;
        }
      }
      if (published.length > 0) {
        await manager.query('UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::bigint[])', [published]);
      }
      if (published.length < rows.length) throw new Error('JetStream publish failed');
      return published.length;
    });
  }

  /** A dedicated connection LISTENs for commits that added events. */
  private async listen(): Promise<void> {
    const options = this.dataSource.options as { url?: string };
    if (!options.url || this.stopped) return;
    const client = new pg.Client({ connectionString: options.url });
    this.listener = client;
    client.on('notification', () => this.wake());
    client.on('error', () => {
      // The poll keeps things moving; reconnect the listener in a while.
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), RETRY_MS[RETRY_MS.length - 1]);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch {
      client.emit('error', new Error('listen failed'));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    // A relay waiting for NATS may never finish: give it a moment, not forever.
    await Promise.race([this.running?.catch(() => undefined), new Promise((r) => setTimeout(r, 3000).unref())]);
    await this.listener?.end().catch(() => undefined);
  }
}
