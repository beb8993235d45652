import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  dateKey,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  indonesianDateOf,
  isLeapYear,
  isRealDate,
  parseIsoDate,
  readDigits,
  referenceDateKey,
  resolveCentury,
  todayIso,
  todayKey,
  atOneInstant,
  twoDigits,
} from './calendar-date.js';

describe('calendar dates', () => {
  it.each([
    [2024, true],
    [2000, true],
    [1900, false],
    [2100, false],
    [2026, false],
  ])('knows that %i is a leap year: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it.each([
    [2026, 4, 31, false],
    [2026, 4, 30, true],
    [2026, 13, 1, false],
    [2026, 0, 1, false],
    [2026, 1, 0, false],
    [2024, 2, 29, true],
    [2023, 2, 29, false],
  ])('judges %i-%i-%i real: %s', (year, month, day, real) => {
    expect(isRealDate(year, month, day)).toBe(real);
  });

  it('parses only strict YYYY-MM-DD real dates', () => {
    expect(parseIsoDate('2026-01-25')).toEqual({ year: 2026, month: 1, day: 25 });
    for (const bad of [
      '2026-1-25',
      '2026/01/25',
      '2026-02-30',
      '0000-01-01',
      '2026-01-25T00:00',
      ' 2026-01-25',
      '20260125xx',
      'abcd-01-02',
      20260125,
    ]) {
      expect(parseIsoDate(bad)).toBeUndefined();
    }
  });

  it('formats what it parses, with zero padding', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const parsed = parseIsoDate(iso);
          expect(parsed).toBeDefined();
          expect(formatIsoDate(parsed!.year, parsed!.month, parsed!.day)).toBe(iso);
        },
      ),
    );
    expect(formatIsoDate(987, 3, 4)).toBe('0987-03-04');
    expect(twoDigits(7)).toBe('07');
  });

  it('reads digits and refuses anything else', () => {
    expect(readDigits('a1234', 1, 4)).toBe(1234);
    expect(readDigits('12x4', 0, 4)).toBe(-1);
    expect(readDigits('12/4', 0, 4)).toBe(-1);
  });

  it('takes today from the easternmost Indonesian time zone (UTC+9)', () => {
    // 15:30 UTC on 27 November is already 00:30 on 28 November in Jayapura.
    const instant = Date.UTC(2026, 10, 27, 15, 30);
    expect(indonesianDateOf(instant)).toEqual({ year: 2026, month: 11, day: 28 });
    expect(todayKey(instant)).toBe(20261128);
    expect(todayIso(instant)).toBe('2026-11-28');
    // Cached until the local midnight, recomputed after it, and for an earlier instant.
    expect(todayKey(Date.UTC(2026, 10, 28, 14, 59))).toBe(20261128);
    expect(todayKey(Date.UTC(2026, 10, 28, 15, 0))).toBe(20261129);
    expect(todayKey(Date.UTC(2020, 0, 1, 0, 0))).toBe(20200101);
    expect(referenceDateKey(undefined)).toBe(todayKey());
  });

  it('answers for one instant inside atOneInstant, and for the clock again after it', () => {
    const beforeMidnight = Date.UTC(2026, 10, 28, 14, 59, 59, 999);
    const judged = atOneInstant(() => [todayKey(), todayIso(), referenceDateKey(undefined)], beforeMidnight);
    expect(judged).toEqual([20261128, '2026-11-28', 20261128]);
    // An explicit instant still wins, and the held one is restored after a nested call.
    expect(
      atOneInstant(
        () => [todayKey(Date.UTC(2020, 0, 1)), atOneInstant(() => todayKey(), 0), todayKey()],
        beforeMidnight,
      ),
    ).toEqual([20200101, 19700101, 20261128]);
    expect(() =>
      atOneInstant(() => {
        throw new Error('refused');
      }, 0),
    ).toThrow('refused');
    expect(todayKey()).toBe(todayKey(Date.now()));
  });

  it('resolves reference dates given as text or Date', () => {
    expect(referenceDateKey('2026-11-28')).toBe(20261128);
    expect(referenceDateKey(new Date('2026-11-28T00:00:00Z'))).toBe(20261128);
    expect(() => referenceDateKey('28-11-2026')).toThrow(RangeError);
    expect(() => referenceDateKey(new Date('nope'))).toThrow(RangeError);
  });

  it('counts days between dates', () => {
    expect(daysBetween({ year: 2026, month: 1, day: 1 }, { year: 2026, month: 3, day: 2 })).toBe(60);
    expect(daysBetween({ year: 2024, month: 3, day: 1 }, { year: 2024, month: 2, day: 28 })).toBe(-2);
  });

  it('chooses the latest century that does not put a date in the future', () => {
    const reference = dateKey(2026, 11, 28);
    expect(resolveCentury(26, 11, 28, reference)).toBe(2026);
    expect(resolveCentury(26, 11, 29, reference)).toBe(1926);
    expect(resolveCentury(0, 1, 1, reference)).toBe(2000);
    expect(resolveCentury(99, 12, 31, reference)).toBe(1999);
  });
});
