import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropTestDatabase, ensureDatabase, withDatabase } from '../database/ensure-database.js';
import { createLogger } from '../logging/logger.js';
import { idempotencyScope, type IdempotencyScope } from './idempotency.scope.js';
import { IDEMPOTENCY_TABLE_SQL, IdempotencyStore, isKeyTaken } from './idempotency.store.js';

/** The key store and its transaction hook against a real PostgreSQL. */
describe('idempotency keys in PostgreSQL', () => {
  const url = withDatabase(process.env['TEST_DATABASE_URL']!, `disduk_test_idem_${randomBytes(3).toString('hex')}`);
  let dataSource: DataSource;
  let store: IdempotencyStore;

  const scope = (atomic = true): IdempotencyScope => ({
    caller: randomUUID(),
    key: randomUUID(),
    fingerprint: 'f'.repeat(64),
    subject: 'test.thing.do',
    atomic,
    recorded: false,
    pending: false,
  });
  const effect = (manager: DataSource['manager'], id: string): Promise<unknown> =>
    manager.query('INSERT INTO thing (id) VALUES ($1)', [id]);

  beforeAll(async () => {
    await ensureDatabase(url);
    dataSource = new DataSource({ type: 'postgres', url, entities: [] });
    await dataSource.initialize();
    await dataSource.query(IDEMPOTENCY_TABLE_SQL);
    await dataSource.query('CREATE TABLE thing (id uuid PRIMARY KEY)');
    store = new IdempotencyStore(dataSource, createLogger({ app: 'idem-test', level: 'silent' }));
    store.onApplicationBootstrap();
  });

  afterAll(async () => {
    store?.onApplicationShutdown();
    await dataSource?.destroy();
    await dropTestDatabase(url);
  });

  it('commits the key with the effect, in the same transaction', async () => {
    const s = scope();
    const id = randomUUID();
    await idempotencyScope.run(s, () => dataSource.transaction((manager) => effect(manager, id)));
    expect(s.recorded).toBe(true);
    const row = await store.find(s.caller, s.key);
    expect(row).toMatchObject({ fingerprint: s.fingerprint, subject: s.subject, outcome: null });
  });

  it('leaves no key when the effect rolls back, and none for a scope that is not atomic', async () => {
    const rolledBack = scope();
    await expect(
      idempotencyScope.run(rolledBack, () =>
        dataSource.transaction(async (manager) => {
          await effect(manager, randomUUID());
          throw new Error('abort');
        }),
      ),
    ).rejects.toThrow('abort');
    expect(rolledBack.recorded).toBe(false);
    expect(await store.find(rolledBack.caller, rolledBack.key)).toBeUndefined();

    const later = scope(false);
    await idempotencyScope.run(later, () => dataSource.transaction((manager) => effect(manager, randomUUID())));
    expect(await store.find(later.caller, later.key)).toBeUndefined();
  });

  it('refuses the effect of a second attempt whose key committed first, as a taken key', async () => {
    const s = scope();
    await idempotencyScope.run(s, () => dataSource.transaction((manager) => effect(manager, randomUUID())));
    const again = { ...s, recorded: false, pending: false };
    const second = randomUUID();
    const error = await idempotencyScope
      .run(again, () => dataSource.transaction((manager) => effect(manager, second)))
      .catch((e: unknown) => e);
    expect(isKeyTaken(error)).toBe(true);
    const [{ n }] = await dataSource.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM thing WHERE id = $1', [
      second,
    ]);
    expect(n).toBe(0);
  });

  it('keeps the outcome with its keys in their order, and forgets keys after 24 hours', async () => {
    const s = scope(false);
    expect(await store.insert(s, { response: { z: 1, a: 2 } })).toBe(true);
    expect(await store.insert(s, { response: { other: true } })).toBe(false);
    const row = await store.find(s.caller, s.key);
    expect(JSON.stringify(row?.outcome)).toBe('{"response":{"z":1,"a":2}}');

    const old = scope(false);
    await store.insert(old, { response: 1 });
    await dataSource.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '24 hours 1 minute' WHERE key = $1`,
      [old.key],
    );
    const young = scope(false);
    await store.insert(young, { response: 2 });
    await dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '23 hours' WHERE key = $1`, [
      young.key,
    ]);
    expect(await store.purge()).toBeGreaterThanOrEqual(1);
    expect(await store.find(old.caller, old.key)).toBeUndefined();
    expect(await store.find(young.caller, young.key)).toBeDefined();
  });
});
