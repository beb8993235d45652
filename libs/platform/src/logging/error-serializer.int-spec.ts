import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../nats/database-unavailable.js';
import { dropTestDatabase, ensureDatabase, withDatabase } from '../database/ensure-database.js';
import { Metrics } from '../metrics/metrics.js';
import { RpcErrorFilter } from '../nats/rpc-exception.filter.js';
import { createLogger } from './logger.js';

// Synthetic person (district 16.02.05, a serial of no real person).
const PERSON = {
  nik: '1602054101260003',
  fullName: 'SITI RAHAYU LESTARI',
  address: 'JL. MAWAR MELATI NO. 17',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo',
};

function capture(): { stream: { write(s: string): void }; raw: () => string } {
  const written: string[] = [];
  return { stream: { write: (s: string) => void written.push(s) }, raw: () => written.join('') };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

/** Issue #13: a logged database error carries no value that reached the database. */
describe('the err serializer with real TypeORM/PostgreSQL errors', () => {
  const url = withDatabase(process.env['TEST_DATABASE_URL']!, `disduk_test_errlog_${randomBytes(3).toString('hex')}`);
  let dataSource: DataSource;

  beforeAll(async () => {
    await ensureDatabase(url);
    dataSource = new DataSource({ type: 'postgres', url, entities: [] });
    await dataSource.initialize();
    await dataSource.query(
      'CREATE TABLE person (nik text PRIMARY KEY, full_name text NOT NULL, address text, password_hash text, id uuid)',
    );
    await dataSource.query('INSERT INTO person (nik, full_name, address, password_hash) VALUES ($1, $2, $3, $4)', [
      PERSON.nik,
      PERSON.fullName,
      PERSON.address,
      PERSON.passwordHash,
    ]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropTestDatabase(url);
  });

  function logged(error: unknown): string {
    const out = capture();
    createLogger({ app: 'test', destination: out.stream }).error({ err: error }, 'Unexpected error');
    return out.raw();
  }

  function expectNoValues(text: string): void {
    for (const value of [PERSON.fullName, PERSON.address, PERSON.passwordHash, 'MAWAR', 'RAHAYU', 'argon2id']) {
      expect(text).not.toContain(value);
    }
    // Not even the masked NIK: the value is gone, not only masked.
    expect(text).not.toMatch(/1602\*{8}0003|1602054101260003/);
  }

  it('drops the parameters and the detail of a unique violation, keeps what explains it', async () => {
    const error = await failure(
      dataSource.query('INSERT INTO person (nik, full_name, address, password_hash) VALUES ($1, $2, $3, $4)', [
        PERSON.nik,
        PERSON.fullName,
        PERSON.address,
        PERSON.passwordHash,
      ]),
    );
    expect(error).toBeInstanceOf(QueryFailedError);
    // The raw error does carry them: this is what must not reach the log.
    expect(JSON.stringify({ ...(error as object) })).toContain(PERSON.fullName);
    const text = logged(error);
    expectNoValues(text);
    const line = JSON.parse(text) as { err: Record<string, unknown> };
    expect(line.err['type']).toBe('QueryFailedError');
    expect(line.err['code']).toBe('23505');
    expect(line.err['constraint']).toBe('person_pkey');
    expect(String(line.err['detail'])).toMatch(/^Key \(nik\)=\(\[REDACTED\]\) already exists/);
    expect(String(line.err['parameters'])).toMatch(/REDACTED.*4 values/);
  });

  it('drops a value quoted in the message and literals inlined in the SQL', async () => {
    const badUuid = await failure(dataSource.query('SELECT * FROM person WHERE id = $1', [PERSON.address]));
    expectNoValues(logged(badUuid));
    const inline = await failure(
      dataSource.query(
        `INSERT INTO person (nik, full_name, address) VALUES ('${PERSON.nik}', NULL, '${PERSON.address}')`,
      ),
    );
    const text = logged(inline);
    expectNoValues(text);
    expect(text).toContain('INSERT INTO person');
    expect(text).toMatch(/Failing row contains \(\[REDACTED\]\)/);
  });

  it('drops personal fields of any error, however nested', () => {
    const error = Object.assign(new Error('Gagal'), {
      context: { fullName: PERSON.fullName, nested: { passwordHash: PERSON.passwordHash, address: PERSON.address } },
      nik: PERSON.nik,
      accessToken: 'eyJhbGciOiJFUzI1NiJ9.secret.sig',
    });
    const text = logged(error);
    expectNoValues(text);
    expect(text).not.toContain('eyJhbGciOiJFUzI1NiJ9');
  });

  it('tells a database that cannot serve now (pool timeout, refused connection) from a bug', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 200 });
    const held = await pool.connect();
    const timeout = await failure(pool.query('SELECT 1'));
    held.release();
    await pool.end();
    expect(isDatabaseUnavailable(timeout)).toBe(true);

    const refused = await failure(
      new pg.Client({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 500 }).connect(),
    );
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('sorry, too many clients already'), { code: '53300' }))).toBe(
      true,
    );
    const wrapped = new QueryFailedError('SELECT 1', [], Object.assign(new Error('x'), { code: '57P03' }));
    expect(isDatabaseUnavailable(wrapped)).toBe(true);

    const unique = await failure(
      dataSource.query('INSERT INTO person (nik, full_name) VALUES ($1, $2)', [PERSON.nik, PERSON.fullName]),
    );
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('bug'))).toBe(false);
  });

  it('answers a service request that met an unavailable database with SERVICE.UNAVAILABLE (503), a bug with INTERNAL', async () => {
    const filter = new RpcErrorFilter(createLogger({ app: 'test', level: 'silent' }), new Metrics('test'));
    const host = {
      getType: () => 'rpc',
      switchToRpc: () => ({ getContext: () => ({ getSubject: () => 'identity.person.get' }) }),
    } as never;
    const payloadOf = (error: unknown): Promise<unknown> =>
      new Promise((resolve) => filter.catch(error, host).subscribe({ error: resolve }));
    const tooMany = Object.assign(new Error('sorry, too many clients already'), { code: '53300' });
    await expect(payloadOf(tooMany)).resolves.toMatchObject({ code: 'SERVICE.UNAVAILABLE' });
    await expect(payloadOf(new TypeError('bug'))).resolves.toMatchObject({ code: 'INTERNAL' });
  });
});
