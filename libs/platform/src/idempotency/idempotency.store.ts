import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntitySubscriberInterface, type InsertEvent, type TransactionCommitEvent } from 'typeorm';
import type { ErrorPayload } from '#lib/domain';
import type { AppLogger } from '../logging/logger.js';
import { APP_LOGGER } from '../platform.tokens.js';
import { IDEMPOTENCY_KEEP_HOURS } from './idempotency-key.js';
import { idempotencyScope, type IdempotencyScope } from './idempotency.scope.js';

/**
 * Keys of safe retries, one row per caller and key. A row is written in the same transaction
 * as the effect it guards (see IdempotencySubscriber), so "the approval is saved" and "this key
 * approved it" commit together; the outcome sent back is added right after. Each service that
 * takes Idempotency-Key creates this table in one of its migrations.
 */
export const IDEMPOTENCY_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS idempotency_keys (
  caller      text        NOT NULL,
  key         text        NOT NULL,
  fingerprint text        NOT NULL,
  subject     text        NOT NULL,
  resource    jsonb,
  -- json, not jsonb: the outcome is replayed with its keys in their first order, byte for byte
  outcome     json,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (caller, key)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_created_at ON idempotency_keys (created_at);
`;

export type IdempotentOutcome = { response: unknown } | { error: ErrorPayload };

export interface IdempotencyRow {
  fingerprint: string;
  subject: string;
  resource: IdempotencyScope['resource'] | null;
  outcome: IdempotentOutcome | null;
  ageMs: number;
}

const PURGE_EVERY_MS = 10 * 60 * 1000;

@Injectable()
export class IdempotencyStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    // Joins every transaction of the service: inert unless a handler runs under a key.
    this.dataSource.subscribers.push(new IdempotencySubscriber());
    this.timer = setInterval(() => {
      this.purge().catch((error: unknown) => this.logger.warn({ err: error }, 'Could not purge idempotency keys'));
    }, PURGE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async find(caller: string, key: string): Promise<IdempotencyRow | undefined> {
    const rows = await this.dataSource.query<Array<Omit<IdempotencyRow, 'ageMs'> & { age_ms: number }>>(
      `SELECT fingerprint, subject, resource, outcome,
              (extract(epoch FROM now() - created_at) * 1000)::float8 AS age_ms
         FROM idempotency_keys WHERE caller = $1 AND key = $2`,
      [caller, key],
    );
    const row = rows[0];
    return row && { ...row, ageMs: row.age_ms };
  }

  /** The outcome of a key whose row the effect's transaction wrote. */
  async complete(scope: IdempotencyScope, outcome: IdempotentOutcome): Promise<void> {
    await this.dataSource.query(
      'UPDATE idempotency_keys SET outcome = $3 WHERE caller = $1 AND key = $2 AND outcome IS NULL',
      [scope.caller, scope.key, JSON.stringify(outcome)],
    );
  }

  /** Row and outcome at once (nothing was committed under the key); false when the key exists. */
  async insert(scope: IdempotencyScope, outcome: IdempotentOutcome): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotency_keys (caller, key, fingerprint, subject, resource, outcome)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (caller, key) DO NOTHING RETURNING key`,
      [
        scope.caller,
        scope.key,
        scope.fingerprint,
        scope.subject,
        scope.resource ? JSON.stringify(scope.resource) : null,
        JSON.stringify(outcome),
      ],
    );
    return rows.length > 0;
  }

  /** Keys are kept IDEMPOTENCY_KEEP_HOURS, then forgotten. */
  async purge(): Promise<number> {
    const result = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM idempotency_keys WHERE created_at < now() - interval '${IDEMPOTENCY_KEEP_HOURS} hours'`,
    );
    return Array.isArray(result) ? result[1] : 0;
  }
}

/** The primary key of idempotency_keys refused a second row: another attempt with this key committed first. */
export function isKeyTaken(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? error;
  const { code, constraint } = driverError as { code?: string; constraint?: string };
  return code === '23505' && constraint === 'idempotency_keys_pkey';
}

/**
 * Writes the key row inside the handler's transaction, just before it commits, when the handler
 * runs under an atomic scope. Remembers the first row the handler inserted, so that an answer
 * lost in a crash can be rebuilt from it.
 */
export class IdempotencySubscriber implements EntitySubscriberInterface {
  afterInsert(event: InsertEvent<unknown>): void {
    const scope = idempotencyScope.getStore();
    const entity = event.entity as { id?: unknown; applicationId?: unknown } | undefined;
    if (!scope || scope.resource || typeof entity?.id !== 'string') return;
    scope.resource = {
      table: event.metadata.tableName,
      id: entity.id,
      ...(typeof entity.applicationId === 'string' ? { applicationId: entity.applicationId } : {}),
    };
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const scope = idempotencyScope.getStore();
    if (!scope?.atomic || scope.recorded || scope.pending) return;
    await event.queryRunner.query(
      `INSERT INTO idempotency_keys (caller, key, fingerprint, subject, resource) VALUES ($1, $2, $3, $4, $5)`,
      [
        scope.caller,
        scope.key,
        scope.fingerprint,
        scope.subject,
        scope.resource ? JSON.stringify(scope.resource) : null,
      ],
    );
    scope.pending = true;
  }

  afterTransactionCommit(): void {
    const scope = idempotencyScope.getStore();
    if (scope?.pending) {
      scope.pending = false;
      scope.recorded = true;
    }
  }

  afterTransactionRollback(): void {
    const scope = idempotencyScope.getStore();
    if (scope) scope.pending = false;
  }
}
