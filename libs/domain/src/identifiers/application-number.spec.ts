import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { DomainError } from '../errors/index.js';
import {
  formatApplicationNumber,
  isValidApplicationNumber,
  parseApplicationNumber,
  tryParseApplicationNumber,
} from './application-number.js';

const thrownCode = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
};

describe('application numbers', () => {
  it('writes and reads RRRR-YYYYMMDD-NNNNN', () => {
    expect(formatApplicationNumber({ regencyCode: '16.02', date: '2026-11-28', sequence: 42 })).toBe(
      '1602-20261128-00042',
    );
    expect(parseApplicationNumber('1602-20261128-00042')).toEqual({
      regencyCode: '16.02',
      date: '2026-11-28',
      sequence: 42,
    });
  });

  it('round-trips every valid number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['16.02', '16.02'], ['1602', '16.02'], ['31.71', '31.71'], ['94.01', '94.01']),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 99_999 }),
        ([regencyCode, dotted], date, sequence) => {
          const parts = { regencyCode, date: date.toISOString().slice(0, 10), sequence };
          const number = formatApplicationNumber(parts);
          expect(parseApplicationNumber(number)).toEqual({ ...parts, regencyCode: dotted });
          expect(formatApplicationNumber(parseApplicationNumber(number))).toBe(number);
        },
      ),
    );
  });

  it.each([
    ['1602-20261128-00042', 'valid'],
    ['1602-2026112-800042', 'APPLICATION_NUMBER.FORMAT'],
    ['1602-20261128-0042', 'APPLICATION_NUMBER.FORMAT'],
    ['16x2-20261128-00042', 'APPLICATION_NUMBER.FORMAT'],
    ['1602-2026x128-00042', 'APPLICATION_NUMBER.FORMAT'],
    ['1602-20261x28-00042', 'APPLICATION_NUMBER.FORMAT'],
    ['1602-202611x8-00042', 'APPLICATION_NUMBER.FORMAT'],
    ['1602-20261128-0004x', 'APPLICATION_NUMBER.FORMAT'],
    [42, 'APPLICATION_NUMBER.FORMAT'],
    ['1699-20261128-00042', 'APPLICATION_NUMBER.REGENCY_UNKNOWN'],
    ['1602-20261131-00042', 'APPLICATION_NUMBER.INVALID_DATE'],
    ['1602-00001128-00042', 'APPLICATION_NUMBER.INVALID_DATE'],
    ['1602-20261128-00000', 'APPLICATION_NUMBER.SEQUENCE_ZERO'],
  ])('judges %p: %s', (value, expected) => {
    const result = tryParseApplicationNumber(value);
    expect(result.ok ? 'valid' : result.code).toBe(expected);
    expect(isValidApplicationNumber(value)).toBe(expected === 'valid');
  });

  it.each([
    [{ regencyCode: '16' }, 'APPLICATION_NUMBER.FORMAT'],
    [{ sequence: 100_000 }, 'APPLICATION_NUMBER.FORMAT'],
    [{ sequence: -1 }, 'APPLICATION_NUMBER.FORMAT'],
    [{ sequence: 0.5 }, 'APPLICATION_NUMBER.FORMAT'],
    [{ regencyCode: '16.99' }, 'APPLICATION_NUMBER.REGENCY_UNKNOWN'],
    [{ date: '2026-11-31' }, 'APPLICATION_NUMBER.INVALID_DATE'],
    [{ sequence: 0 }, 'APPLICATION_NUMBER.SEQUENCE_ZERO'],
  ])('refuses to write %p: %s', (change, expected) => {
    expect(
      thrownCode(() => formatApplicationNumber({ regencyCode: '16.02', date: '2026-11-28', sequence: 1, ...change })),
    ).toBe(expected);
    expect(thrownCode(() => parseApplicationNumber('1602-20261128-00000'))).toBe('APPLICATION_NUMBER.SEQUENCE_ZERO');
  });
});
