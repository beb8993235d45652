import { describe, expect, it } from '@jest/globals';
import { regionLocalDate, regionUtcOffsetHours } from './regional-date.js';

describe('regional dates', () => {
  it.each([
    ['16.02', 7],
    ['3171', 7],
    ['61.01', 7],
    ['51.71', 8],
    ['64.72', 8],
    ['73.71', 8],
    ['81.71', 9],
    ['91.71', 9],
    ['96.01', 9],
  ])('puts %s at UTC+%i', (code, hours) => {
    expect(regionUtcOffsetHours(code)).toBe(hours);
  });

  it('is the next day in Jayapura while it is still the evening before in Kayuagung', () => {
    const instant = Date.parse('2026-11-28T16:30:00Z');
    expect(regionLocalDate('16.02', instant)).toBe('2026-11-28');
    expect(regionLocalDate('51.71', instant)).toBe('2026-11-29');
    expect(regionLocalDate('91.71', instant)).toBe('2026-11-29');
    expect(regionLocalDate('16.02', Date.parse('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
  });

  it('is today where the regency is when no instant is given', () => {
    expect(regionLocalDate('16.02')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
