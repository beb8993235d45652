import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AccessActorType } from '#lib/contracts';
import { APP_LOGGER, type AppLogger } from '#lib/platform/core';
import type { AccessLogContent } from './access-log-chain.js';
import { AccessLogRepository } from './access-log.repository.js';

/** One entry to log: a read of one person's record. */
export interface NewAccessLogEntry {
  subjectNik: string;
  actorType: AccessActorType;
  actorId: string;
  /** Known to the caller (an agency's name); otherwise read from the account. */
  actorName?: string;
  purpose: string;
  fields: readonly string[];
  endpoint: string;
  correlationId?: string;
  requestId?: string;
}

interface Waiting {
  entries: AccessLogContent[];
  unnamed: boolean;
  done: () => void;
  failed: (error: unknown) => void;
}

/** Entries written by one transaction at most: bounds the statement and the lock's hold time. */
const MAX_ENTRIES_PER_WRITE = 20_000;

/**
 * Group commit for the access log. Every caller awaits the durable write of its own entries
 * before it answers (a crash can lose no entry for a read someone was answered), but entries of
 * callers arriving together are written by one transaction: while one write is in flight the
 * next ones queue, and go in the following write. Under load a write carries hundreds of
 * entries; at rest each caller pays one transaction, as before.
 *
 * This batches writes only, it keeps no state: each replica has its own writer, and all of
 * them append to the one chain through the head's row lock.
 */
@Injectable()
export class AccessLogWriter implements OnApplicationShutdown {
  private queue: Waiting[] = [];
  private writing: Promise<void> | undefined;
  private scheduled = false;

  constructor(
    private readonly repository: AccessLogRepository,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  /** Resolves once these entries are durably in the chain. */
  append(entries: readonly NewAccessLogEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const at = new Date();
    let unnamed = false;
    const contents = entries.map((entry): AccessLogContent => {
      if (entry.actorName === undefined) unnamed = true;
      return {
        subjectNik: entry.subjectNik,
        at,
        actorType: entry.actorType,
        actorId: entry.actorId,
        actorName: entry.actorName ?? '',
        purpose: entry.purpose,
        fields: [...entry.fields],
        endpoint: entry.endpoint,
        correlationId: entry.correlationId ?? null,
        requestId: entry.requestId ?? null,
      };
    });
    return new Promise<void>((done, failed) => {
      this.queue.push({ entries: contents, unnamed, done, failed });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.writing !== undefined || this.scheduled) return;
    this.scheduled = true;
    // Let every request that arrived in this turn of the event loop join the write.
    setImmediate(() => {
      this.scheduled = false;
      this.writing = this.drain().finally(() => {
        this.writing = undefined;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch: Waiting[] = [];
      let size = 0;
      while (
        this.queue.length > 0 &&
        (batch.length === 0 || size + this.queue[0].entries.length <= MAX_ENTRIES_PER_WRITE)
      ) {
        const next = this.queue.shift() as Waiting;
        batch.push(next);
        size += next.entries.length;
      }
      try {
        await this.write(batch);
        for (const waiting of batch) waiting.done();
      } catch (error) {
        this.logger.error({ err: error, entries: size }, 'Writing the access log failed');
        for (const waiting of batch) waiting.failed(error);
      }
    }
  }

  private async write(batch: readonly Waiting[]): Promise<void> {
    const unnamedIds = new Set<string>();
    for (const waiting of batch) {
      if (waiting.unnamed)
        for (const entry of waiting.entries) if (entry.actorName === '') unnamedIds.add(entry.actorId);
    }
    if (unnamedIds.size > 0) {
      const names = await this.repository.actorNames([...unnamedIds]);
      for (const waiting of batch) {
        if (!waiting.unnamed) continue;
        for (const entry of waiting.entries) {
          if (entry.actorName === '') entry.actorName = names.get(entry.actorId) ?? '';
        }
      }
    }
    await this.repository.appendChained(batch.flatMap((waiting) => waiting.entries));
  }

  /** Lets the write in flight finish before the database closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.writing;
  }
}
