import { describe, expect, it } from '@jest/globals';
import { createLogger } from '../logging/logger.js';
import { whileDatabaseStarts } from './wait-for-database.js';

const logger = createLogger({ app: 'test', level: 'silent' });

describe('waiting for a database that is starting', () => {
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
