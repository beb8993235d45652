import { describe, expect, it } from '@jest/globals';
import type { ArgumentsHost } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { DomainError, type ErrorPayload } from '#lib/domain';
import { createLogger } from '../logging/logger.js';
import { Metrics } from '../metrics/metrics.js';
import { RpcErrorFilter } from './rpc-exception.filter.js';

const host = {
  getType: () => 'rpc',
  switchToRpc: () => ({ getContext: () => ({ getSubject: () => 'identity.account.get' }) }),
} as unknown as ArgumentsHost;

function answer(filter: RpcErrorFilter, error: unknown): Promise<ErrorPayload> {
  return firstValueFrom(filter.catch(error, host)).then(
    () => Promise.reject(new Error('no error')),
    (payload: ErrorPayload) => payload,
  );
}

describe('RpcErrorFilter', () => {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    app: 'test',
    level: 'info',
    destination: { write: (chunk: string) => lines.push(JSON.parse(chunk) as Record<string, unknown>) },
  });
  const filter = new RpcErrorFilter(logger, new Metrics('rpc-filter-test'));

  it('answers a restarting or unreachable database as SERVICE.UNAVAILABLE (a 503 the client retries), with a WARN', async () => {
    lines.length = 0;
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(await answer(filter, refused)).toMatchObject({ code: 'SERVICE.UNAVAILABLE' });
    const starting = Object.assign(new Error('the database system is starting up'), { code: '57P03' });
    expect(await answer(filter, starting)).toMatchObject({ code: 'SERVICE.UNAVAILABLE' });
    expect(lines.map((l) => [l['level'], l['msg']])).toEqual([
      ['warn', 'Database unavailable; request answered SERVICE.UNAVAILABLE'],
      ['warn', 'Database unavailable; request answered SERVICE.UNAVAILABLE'],
    ]);
  });

  it('keeps domain errors, and reports anything else as INTERNAL without its text', async () => {
    lines.length = 0;
    expect(await answer(filter, new DomainError('RESIDENT.NOT_FOUND', 'Tidak ditemukan'))).toMatchObject({
      code: 'RESIDENT.NOT_FOUND',
    });
    const bug = await answer(filter, Object.assign(new Error('duplicate key 3201...'), { code: '23505' }));
    expect(bug).toEqual({ code: 'INTERNAL', message: 'Terjadi kesalahan pada layanan' });
    expect(lines.map((l) => l['level'])).toEqual(['error']);
  });
});
