import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { regionDirectory } from '../region/installed-region-directory.js';
import { RegionLevel } from '../region/region-code.js';
import {
  familyCardNumberErrorMessage,
  formatFamilyCardNumber,
  isValidFamilyCardNumber,
  parseFamilyCardNumber,
  tryParseFamilyCardNumber,
} from './family-card-number.js';

const options = { referenceDate: '2026-11-28' };
const districts = regionDirectory()
  .list(RegionLevel.DISTRICT)
  .map((d) => d.code);

const code = (value: unknown, opts = options): string => {
  const result = tryParseFamilyCardNumber(value, opts);
  return result.ok ? 'valid' : result.code;
};

describe('No. KK', () => {
  it('reads district, issue date and serial', () => {
    expect(parseFamilyCardNumber('1602052811260001', options)).toEqual({
      provinceCode: '16',
      regencyCode: '16.02',
      districtCode: '16.02.05',
      districtKnown: true,
      issueDate: '2026-11-28',
      serial: '0001',
    });
    expect(parseFamilyCardNumber('1602052911260001', options).issueDate).toBe('1926-11-29');
  });

  it.each([
    ['160205281126000', 'KK.FORMAT'],
    ['16020528112600O1', 'KK.FORMAT'],
    ['1002052811260001', 'KK.PROVINCE_UNKNOWN'],
    ['1699052811260001', 'KK.REGENCY_UNKNOWN'],
    // No +40 in a No. KK: day 68 is not a date.
    ['1602056811260001', 'KK.INVALID_DATE'],
    ['1602053102260001', 'KK.INVALID_DATE'],
    ['1602052811260000', 'KK.SERIAL_ZERO'],
    ['1602992811260001', 'valid'],
  ])('judges %s: %s', (value, expected) => {
    expect(code(value)).toBe(expected);
  });

  it('treats an unknown district as a warning unless a current one is required', () => {
    expect(parseFamilyCardNumber('1602992811260001', options).districtKnown).toBe(false);
    expect(code('1602992811260001', { ...options, requireKnownDistrict: true } as typeof options)).toBe(
      'KK.DISTRICT_UNKNOWN',
    );
    expect(isValidFamilyCardNumber('1602052811260001')).toBe(true);
    expect(() => parseFamilyCardNumber('1602052811260000', options)).toThrow(
      familyCardNumberErrorMessage('KK.SERIAL_ZERO'),
    );
  });

  it('formats every valid number back to itself', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...districts),
        fc.date({ min: new Date('1926-11-29T00:00:00Z'), max: new Date('2026-11-28T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 9999 }),
        (districtCode, date, serial) => {
          const number = formatFamilyCardNumber(
            { districtCode, issueDate: date.toISOString().slice(0, 10), serial },
            options,
          );
          expect(formatFamilyCardNumber(parseFamilyCardNumber(number, options), options)).toBe(number);
        },
      ),
    );
  });

  it('refuses to write a number with an issue date in the future or a retired district when issuing', () => {
    expect(() =>
      formatFamilyCardNumber({ districtCode: '16.02.05', issueDate: '2026-11-29', serial: 1 }, options),
    ).toThrow(expect.objectContaining({ code: 'KK.FUTURE_DATE' }));
    expect(() =>
      formatFamilyCardNumber(
        { districtCode: '16.02.99', issueDate: '2026-11-28', serial: 1 },
        { requireKnownDistrict: true },
      ),
    ).toThrow(expect.objectContaining({ code: 'KK.DISTRICT_UNKNOWN' }));
    expect(formatFamilyCardNumber({ districtCode: '16.02.05', issueDate: '2020-01-02', serial: '0007' })).toBe(
      '1602050201200007',
    );
  });
});
