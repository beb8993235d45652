import { describe, expect, it } from '@jest/globals';
import { runWithContext } from '../context/request-context.js';
import { createLogger } from './logger.js';
import { maskNiks } from './mask.js';

// Synthetic NIKs only (district 16.02.05, serials of no real person).
const NIK = '1602054101260003';
const OTHER_NIK = '1602051203900001';

function capture(): {
  lines: () => Array<Record<string, unknown>>;
  raw: () => string;
  stream: { write(s: string): void };
} {
  const written: string[] = [];
  return {
    stream: { write: (s: string) => void written.push(s) },
    raw: () => written.join(''),
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('maskNiks', () => {
  it.each([
    [NIK, '1602********0003'],
    [`NIK ${NIK} dan ${OTHER_NIK}.`, 'NIK 1602********0003 dan 1602********0001.'],
    [`/residents/${NIK}?x=1`, '/residents/1602********0003?x=1'],
    [`"nik":"${NIK}"`, '"nik":"1602********0003"'],
  ])('masks %s', (input, expected) => {
    expect(maskNiks(input)).toBe(expected);
  });

  it.each([
    ['an 18-digit NIP', '198001012010011001'],
    ['15 digits', '160205410126000'],
    ['17 digits', '16020541012600031'],
    ['a timestamp in ms', '1795871234567'],
  ])('leaves %s alone', (_what, value) => {
    expect(maskNiks(value)).toBe(value);
  });
});

describe('createLogger', () => {
  it('writes one JSON object a line with app, level and time', () => {
    const out = capture();
    const logger = createLogger({ app: 'identity', instanceId: 'test-1', destination: out.stream });
    logger.info({ route: '/x' }, 'hello');
    expect(out.lines()).toEqual([
      expect.objectContaining({ app: 'identity', instance: 'test-1', level: 'info', msg: 'hello', route: '/x' }),
    ]);
    expect(typeof out.lines()[0]?.['time']).toBe('string');
  });

  it('masks a NIK wherever it appears: message, fields, nested objects and error stacks', () => {
    const out = capture();
    const logger = createLogger({ app: 'identity', destination: out.stream });
    logger.info({ nik: NIK, person: { family: [{ nik: OTHER_NIK }] } }, `read ${NIK}`);
    logger.error({ err: new Error(`NIK ${NIK} is not active`) }, 'failed');
    const raw = out.raw();
    expect(raw).not.toContain(NIK);
    expect(raw).not.toContain(OTHER_NIK);
    expect(raw).toContain('1602********0003');
    expect(raw).toContain('1602********0001');
    const [first, second] = out.lines();
    expect(first).toMatchObject({ nik: '1602********0003', msg: 'read 1602********0003' });
    expect((second?.['err'] as { message: string }).message).toBe('NIK 1602********0003 is not active');
  });

  it('adds the correlation id of the current request', () => {
    const out = capture();
    const logger = createLogger({ app: 'gateway', destination: out.stream });
    runWithContext({ correlationId: 'abc-123' }, () => logger.info('inside'));
    logger.info('outside');
    const [inside, outside] = out.lines();
    expect(inside?.['correlationId']).toBe('abc-123');
    expect(outside).not.toHaveProperty('correlationId');
  });
});
