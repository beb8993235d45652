import type { EntityManager } from 'typeorm';
import { currentCorrelationId } from '../context/request-context.js';

/**
 * The outbox: an event is written in the same transaction as the change it announces, so the
 * two commit or fail together; the relay publishes it to JetStream afterwards. Each service
 * that publishes events creates this table in one of its migrations.
 */
export const OUTBOX_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS outbox_events (
  id           bigserial PRIMARY KEY,
  subject      text        NOT NULL,
  payload      jsonb       NOT NULL,
  dedup_key    text        NOT NULL,
  headers      jsonb       NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  attempts     integer     NOT NULL DEFAULT 0,
  last_error   text
);
CREATE UNIQUE INDEX IF NOT EXISTS outbox_events_dedup_key ON outbox_events (dedup_key);
CREATE INDEX IF NOT EXISTS outbox_events_unpublished ON outbox_events (id) WHERE published_at IS NULL;
`;

export const OUTBOX_CHANNEL = 'outbox_events';

/**
 * Adds an event to the outbox inside the caller's transaction. The dedup key makes this
 * idempotent (the same key is stored once) and becomes the JetStream message id, so the
 * stream drops a second publication of the same event too.
 */
export async function enqueueEvent(
  manager: EntityManager,
  subject: string,
  payload: object,
  dedupKey: string,
): Promise<void> {
  const correlationId = currentCorrelationId();
  await manager.query(
    `INSERT INTO outbox_events (subject, payload, dedup_key, headers) VALUES ($1, $2, $3, $4)
     ON CONFLICT (dedup_key) DO NOTHING`,
    [subject, JSON.stringify(payload), dedupKey, JSON.stringify(correlationId ? { correlationId } : {})],
  );
  // Delivered at commit only: wakes the relay at once instead of at its next poll.
  await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
}
