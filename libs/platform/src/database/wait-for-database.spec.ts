import { describe, expect, it } from '@jest/globals';
import { createLogger } from '../logging/logger.js';
import { isDatabaseStarting, whileDatabaseStarts } from './wait-for-database.js';

const logger = createLogger({ app: 'test', level: 'silent' });

describe('waiting for a database that is starting', () => {
  it('knows a starting, refusing or cut-off database from other errors', () => {
    expect(isDatabaseStarting(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(
      true,
    );
    expect(
      isDatabaseStarting(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(isDatabaseStarting(new Error('Connection terminated unexpectedly'))).toBe(true);
    // An immediate stop (or a crashed backend) cuts every connection; a full pool cannot connect.
    expect(
      isDatabaseStarting(
        Object.assign(new Error('terminating connection because of crash of another server process'), {
          code: '57P02',
        }),
      ),
    ).toBe(true);
    expect(isDatabaseStarting(new Error('timeout exceeded when trying to connect'))).toBe(true);
    // A unique violation or a serialization failure is the handler's business, not an outage.
    expect(isDatabaseStarting(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseStarting(Object.assign(new Error('could not serialize'), { code: '40001' }))).toBe(false);
    expect(isDatabaseStarting(Object.assign(new Error('password authentication failed'), { code: '28P01' }))).toBe(
      false,
    );
    expect(isDatabaseStarting(new Error('relation "x" does not exist'))).toBe(false);
  });

  it('tries again while the database starts, and gives up at once on anything else', async () => {
    let calls = 0;
    const value = await whileDatabaseStarts(() => {
      calls += 1;
      if (calls < 3) return Promise.reject(Object.assign(new Error('starting'), { code: '57P03' }));
      return Promise.resolve('open');
    }, logger);
    expect({ value, calls }).toEqual({ value: 'open', calls: 3 });

    let other = 0;
    await expect(
      whileDatabaseStarts(() => {
        other += 1;
        return Promise.reject(new Error('syntax error'));
      }, logger),
    ).rejects.toThrow('syntax error');
    expect(other).toBe(1);
  });
});
