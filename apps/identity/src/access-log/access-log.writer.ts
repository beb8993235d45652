import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AccessActorType } from '#lib/contracts';
import { APP_LOGGER, type AppLogger } from '#lib/platform/core';
import {
  ACCESS_LOG_COMPACT_BATCH_VERSION,
  type AccessLogCompactBatchContent,
  type AccessLogCompactBatchItems,
  type AccessLogContent,
  type AccessLogRowContent,
  type ChainHead,
  wellFormedCompactBatch,
} from './access-log-chain.js';
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

/**
 * The checks of one batch call, to be logged as one row (chain version 3): each item's NIK,
 * purpose and compared fields (one per item, or one for all items), and the first item's request
 * id, from which the others are derived (`batchRequestId`). A purpose or field list the same for
 * every item is stored once (`appendBatch`).
 */
export interface NewAccessLogBatch {
  actorType: AccessActorType;
  actorId: string;
  actorName: string;
  endpoint: string;
  correlationId?: string;
  requestId: string;
  items: AccessLogCompactBatchItems;
}

/**
 * `values`, one per item of `n`, as one value when every one is the same (a batch's purpose, its
 * fields); any other list as it is (a list of another length is refused, not collapsed).
 */
function sharedOnce(values: readonly string[], n: number): readonly string[] {
  if (values.length !== n || n < 2) return values;
  for (let i = 1; i < n; i++) if (values[i] !== values[0]) return values;
  return [values[0]];
}

interface Waiting {
  entries: AccessLogRowContent[];
  /** Reads of a person's record these entries stand for (a batch row: one per item). */
  checks: number;
  unnamed: boolean;
  done: () => void;
  failed: (error: unknown) => void;
}

/**
 * Checks (single entries, or items of batch rows) written by one transaction at most: bounds the
 * statement and the lock's hold time.
 */
const MAX_ENTRIES_PER_WRITE = 20_000;
/**
 * Writes in flight per replica. One: a second write, chained after the first and sent while it
 * commits, often reached PostgreSQL before the first had taken the head's lock, found the old
 * head, wrote nothing and was chained again under the lock — hashing every entry twice (measured:
 * more CPU per NIK in identity, no more NIKs/s). The next write's entries queue meanwhile and go
 * together.
 */
const WRITES_IN_FLIGHT = 1;

/**
 * Group commit for the access log. Every caller awaits the durable write of its own entries
 * before it answers (a crash can lose no entry for a read someone was answered), but entries of
 * callers arriving together are written by one transaction: while one write is in flight the
 * next ones queue, and go in the following write. Under load a write carries hundreds of
 * entries; at rest each caller pays one transaction, as before.
 *
 * Each write is chained after the head this writer expects (the one its previous write left,
 * so the hashing happens before any lock) and sent as one statement (one round trip) that
 * appends only if the head is still that one. If another replica moved the head first, nothing
 * is written and the entries are chained again under the head's lock (`appendChained`). The
 * expected head is a guess, never a truth: the database decides.
 */
@Injectable()
export class AccessLogWriter implements OnApplicationShutdown {
  private queue: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly settled = new Set<Promise<void>>();
  /** The head after the last write sent; undefined when unknown (next write takes the lock). */
  private expected: ChainHead | undefined;

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
      this.queue.push({ entries: contents, checks: contents.length, unnamed, done, failed });
      this.schedule();
    });
  }

  /**
   * One batch call as one row, hashed once: resolves once it is durably in the chain. The item
   * arrays are taken as they are (not copied): the caller must not change them afterwards.
   */
  appendBatch(batch: NewAccessLogBatch): Promise<void> {
    const n = batch.items.subjectNiks.length;
    if (n === 0) return Promise.resolve();
    const content: AccessLogCompactBatchContent = {
      version: ACCESS_LOG_COMPACT_BATCH_VERSION,
      at: new Date(),
      actorType: batch.actorType,
      actorId: batch.actorId,
      actorName: batch.actorName,
      endpoint: batch.endpoint,
      correlationId: batch.correlationId ?? null,
      requestId: batch.requestId,
      items: {
        subjectNiks: batch.items.subjectNiks,
        purposes: sharedOnce(batch.items.purposes, n),
        fields: sharedOnce(batch.items.fields, n),
      },
    };
    if (!wellFormedCompactBatch(content)) {
      return Promise.reject(
        new Error(
          'A batch access-log entry needs 1–4,096 NIKs, a purpose and field list for all or for each, ' +
            'and a first request id ending in 000',
        ),
      );
    }
    return new Promise<void>((done, failed) => {
      this.queue.push({ entries: [content], checks: n, unnamed: batch.actorName === '', done, failed });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= WRITES_IN_FLIGHT || this.queue.length === 0) return;
    this.scheduled = true;
    // Let every request that arrived in this turn of the event loop join the write.
    setImmediate(() => {
      this.scheduled = false;
      this.start();
    });
  }

  private start(): void {
    while (this.inFlight < WRITES_IN_FLIGHT && this.queue.length > 0) {
      const batch: Waiting[] = [];
      let size = 0;
      while (this.queue.length > 0 && (batch.length === 0 || size + this.queue[0].checks <= MAX_ENTRIES_PER_WRITE)) {
        const next = this.queue.shift() as Waiting;
        batch.push(next);
        size += next.checks;
      }
      this.inFlight++;
      const running = this.write(batch).then(
        () => {
          for (const waiting of batch) waiting.done();
        },
        (error: unknown) => {
          this.logger.error({ err: error, entries: size }, 'Writing the access log failed');
          for (const waiting of batch) waiting.failed(error);
        },
      );
      this.settled.add(running);
      void running.finally(() => {
        this.settled.delete(running);
        this.inFlight--;
        this.schedule();
      });
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
    const entries = batch.length === 1 ? batch[0].entries : batch.flatMap((waiting) => waiting.entries);
    const after = this.expected;
    if (after !== undefined) {
      // Chained now, in the order writes start, after the head the previous write leaves.
      const attempt = this.repository.appendAfter(after, entries);
      this.expected = attempt.head;
      let written: boolean;
      try {
        written = await attempt.written;
      } catch (error) {
        if (this.expected === attempt.head) this.expected = undefined;
        throw error;
      }
      if (written) return;
      if (this.expected === attempt.head) this.expected = undefined;
    }
    const head = await this.repository.appendChained(entries);
    if (this.expected === undefined) this.expected = head;
  }

  /** Lets the writes in flight (and those queued) finish before the database closes. */
  async onApplicationShutdown(): Promise<void> {
    while (this.settled.size > 0 || this.queue.length > 0) {
      if (this.settled.size > 0) await Promise.all([...this.settled]);
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
