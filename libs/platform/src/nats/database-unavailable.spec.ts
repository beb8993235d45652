import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { isDatabaseUnavailable } from './database-unavailable.js';

/** A port that takes TCP connections and never says a word: a database that cannot answer in time. */
async function silentServer(): Promise<{ server: Server; port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port, sockets };
}

describe('isDatabaseUnavailable: the one test of "the database is away"', () => {
  let silent: Awaited<ReturnType<typeof silentServer>>;
  beforeAll(async () => {
    silent = await silentServer();
  });
  afterAll(async () => {
    await new Promise((resolve) => {
      silent.server.close(resolve);
      for (const socket of silent.sockets) socket.destroy();
    });
  });

  it("knows node-pg's connect timeout ('timeout expired') from a server that does not answer", async () => {
    const client = new pg.Client({ host: '127.0.0.1', port: silent.port, connectionTimeoutMillis: 100 });
    const error = await client.connect().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect((error as Error).message).toBe('timeout expired');
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('knows a starting, restarting, refusing or cut-off database', () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' })),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    // Re-thrown by a wrapper without its code.
    expect(isDatabaseUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    // An immediate stop (or a crashed backend) cuts every connection; a full pool cannot connect.
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('terminating connection because of crash of another server process'), {
          code: '57P02',
        }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated due to connection timeout'))).toBe(true);
    // Wrapped: TypeORM's driverError, Node's cause.
    expect(isDatabaseUnavailable({ driverError: Object.assign(new Error('x'), { code: '53300' }) })).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: new Error('timeout expired') }))).toBe(true);
  });

  it("leaves the handler's own failures alone", () => {
    // A unique violation or a serialization failure is the handler's business, not an outage.
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('could not serialize'), { code: '40001' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('password authentication failed'), { code: '28P01' }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new Error('relation "x" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('bug'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
