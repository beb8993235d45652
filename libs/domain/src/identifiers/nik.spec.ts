import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { dateKey, isLeapYear, resolveCentury } from '../calendar/calendar-date.js';
import { Sex } from '../enums/population.js';
import { DomainError } from '../errors/index.js';
import { regionDirectory } from '../region/installed-region-directory.js';
import { RegionLevel } from '../region/region-code.js';
import { RegionDirectory } from '../region/region-directory.js';
import { formatNik, isValidNik, maskNik, nikErrorMessage, parseNik, tryParseNik } from './nik.js';

// Synthetic numbers only: real district codes, made-up dates and serials.
const REFERENCE = '2026-11-28';
const options = { referenceDate: REFERENCE };
const regions = regionDirectory();
const districts = regions.list(RegionLevel.DISTRICT).map((d) => d.compactCode);
const regencies = regions.list(RegionLevel.REGENCY).map((r) => r.compactCode);
/** District codes under a known regency that are not districts today (split or renamed regions). */
const unknownDistricts = regencies
  .flatMap((r) => ['00', '97', '98', '99'].map((dd) => r + dd))
  .filter((code) => !regions.isKnownDistrict(Number(code)));

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Writes a NIK by hand, independently of formatNik, so the two can be checked against each other. */
function nikOf(district: string, year: number, month: number, day: number, female: boolean, serial: number): string {
  return district + pad(female ? day + 40 : day, 2) + pad(month, 2) + pad(year % 100, 2) + pad(serial, 4);
}

function expectCode(nik: unknown, code: string, opts: Parameters<typeof parseNik>[1] = options): void {
  const result = tryParseNik(nik, opts);
  expect(result.ok ? 'valid' : result.code).toBe(code);
}

/** A valid birth date within the hundred years up to the reference date (its century is unambiguous). */
const birthDate = fc
  .date({ min: new Date('1926-11-29T00:00:00Z'), max: new Date('2026-11-28T00:00:00Z'), noInvalidDate: true })
  .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));

const validNik = fc
  .record({
    district: fc.oneof(fc.constantFrom(...districts), fc.constantFrom(...unknownDistricts)),
    date: birthDate,
    female: fc.boolean(),
    serial: fc.integer({ min: 1, max: 9999 }),
  })
  .map((p) => ({ ...p, nik: nikOf(p.district, p.date.year, p.date.month, p.date.day, p.female, p.serial) }));

describe('parseNik', () => {
  it('reads the parts of a NIK', () => {
    expect(parseNik('1602052501900003', options)).toEqual({
      provinceCode: '16',
      regencyCode: '16.02',
      districtCode: '16.02.05',
      districtKnown: true,
      birthDate: '1990-01-25',
      sex: 'LAKI_LAKI',
      serial: '0003',
    });
    expect(parseNik('1602056501900003', options)).toMatchObject({ birthDate: '1990-01-25', sex: 'PEREMPUAN' });
  });

  it.each([
    // The century rule of DOMAIN.md with reference 2026-11-28.
    ['1602052811260001', '2026-11-28'],
    ['1602052911260001', '1926-11-29'],
    ['1602050101000001', '2000-01-01'],
    ['1602053112990001', '1999-12-31'],
    ['1602056811260001', '2026-11-28'],
    ['1602056911260001', '1926-11-29'],
  ])('puts %s in the latest century that is not in the future: %s', (nik, date) => {
    expect(parseNik(nik, options).birthDate).toBe(date);
  });

  it.each([
    ['160205250190000', 'NIK.FORMAT'],
    ['16020525019000031', 'NIK.FORMAT'],
    ['1602 52501900003', 'NIK.FORMAT'],
    ['16.02.05.250190.0003', 'NIK.FORMAT'],
    ['160205250190000a', 'NIK.FORMAT'],
    ['１６０２０５２５０１９０００３', 'NIK.FORMAT'],
    [' 602052501900003', 'NIK.FORMAT'],
    [1602052501900003, 'NIK.FORMAT'],
    [null, 'NIK.FORMAT'],
    ['1002052501900003', 'NIK.PROVINCE_UNKNOWN'],
    ['9902052501900003', 'NIK.PROVINCE_UNKNOWN'],
    ['1699052501900003', 'NIK.REGENCY_UNKNOWN'],
    ['1602050001900003', 'NIK.INVALID_DATE'],
    ['1602053201900003', 'NIK.INVALID_DATE'],
    ['1602054001900003', 'NIK.INVALID_DATE'],
    ['1602057201900003', 'NIK.INVALID_DATE'],
    ['1602052500900003', 'NIK.INVALID_DATE'],
    ['1602052513900003', 'NIK.INVALID_DATE'],
    ['1602053102900003', 'NIK.INVALID_DATE'],
    ['1602053104900003', 'NIK.INVALID_DATE'],
    ['1602057104900003', 'NIK.INVALID_DATE'],
    ['1602052902230003', 'NIK.INVALID_DATE'],
    ['1602056902230003', 'NIK.INVALID_DATE'],
    ['1602052501900000', 'NIK.SERIAL_ZERO'],
    ['1602052902240001', 'valid'],
    ['1602056902240001', 'valid'],
    ['1602057101900001', 'valid'],
    ['1602054101900001', 'valid'],
  ])('judges %p: %s', (nik, code) => {
    expectCode(nik, code);
  });

  it('takes 29 February 2000 but not 1900 for YY 00', () => {
    expectCode('1602052902000001', 'valid', { referenceDate: '2026-11-28' });
    // Before 29 February 2000 the latest possible century is 1900, which had no 29 February.
    expectCode('1602052902000001', 'NIK.INVALID_DATE', { referenceDate: '2000-02-28' });
  });

  it('uses the real birth year when the registry knows it and it agrees', () => {
    expect(parseNik('1602052501260001', { ...options, birthYear: 1926 }).birthDate).toBe('1926-01-25');
    expect(parseNik('1602052501260001', { ...options, birthYear: 1925 }).birthDate).toBe('2026-01-25');
    expect(parseNik('1602052501260001', { ...options, birthYear: -74 }).birthDate).toBe('2026-01-25');
  });

  it('treats an unknown district as a warning, unless a current one is required', () => {
    const nik = nikOf(unknownDistricts[0], 1990, 1, 25, false, 3);
    expect(parseNik(nik, options).districtKnown).toBe(false);
    expectCode(nik, 'NIK.DISTRICT_UNKNOWN', { ...options, requireKnownDistrict: true });
    expectCode('1602052501900003', 'valid', { ...options, requireKnownDistrict: true });
  });

  it('keeps NIKs valid under district codes a later region release drops or splits', () => {
    // idn-area-data 4 split Toili (72.01.09) into Toili and Toili Jaya (72.01.24): NIKs issued in
    // Toili before stay as they are, and new ones may be issued under either code.
    expect(parseNik('7201092501900003', { ...options, requireKnownDistrict: true }).districtCode).toBe('72.01.09');
    expect(parseNik('7201242501900003', { ...options, requireKnownDistrict: true }).districtCode).toBe('72.01.24');
    // A directory that no longer lists a district (as a release after a merger would) still
    // accepts its old NIKs, with the warning; issuing under it is refused.
    const withoutKayuAgung = RegionDirectory.fromCsv({
      provinces: 'code,name\n16,Sumatera Selatan\n',
      regencies: 'code,province_code,name\n16.02,16,Kabupaten Ogan Komering Ilir\n',
      districts: 'code,regency_code,name\n16.02.06,16.02,Tanjung Lubuk\n',
      villages: () => 'code,district_code,name\n',
    });
    const old = parseNik('1602052501900003', { ...options, regions: withoutKayuAgung });
    expect(old).toMatchObject({ districtCode: '16.02.05', districtKnown: false, birthDate: '1990-01-25' });
    expectCode('1602052501900003', 'NIK.DISTRICT_UNKNOWN', {
      ...options,
      regions: withoutKayuAgung,
      requireKnownDistrict: true,
    });
  });

  it('throws a DomainError with a stable code and a message without the NIK', () => {
    const error = (() => {
      try {
        parseNik('1699052501900003', options);
      } catch (caught) {
        return caught;
      }
    })() as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('NIK.REGENCY_UNKNOWN');
    expect(error.message).not.toContain('1699052501900003');
    expect(nikErrorMessage('NIK.SERIAL_ZERO')).toBe('Nomor urut NIK tidak boleh 0000');
  });

  it('judges against today by default', () => {
    expect(isValidNik('1602052501900003')).toBe(true);
    expect(isValidNik('1602052501900000')).toBe(false);
  });
});

describe('NIK properties', () => {
  it('formats every valid NIK back to itself', () => {
    fc.assert(
      fc.property(validNik, ({ nik, district, date, female, serial }) => {
        const parts = parseNik(nik, options);
        expect(parts.districtCode.replaceAll('.', '')).toBe(district);
        expect(parts.birthDate).toBe(`${date.year}-${pad(date.month, 2)}-${pad(date.day, 2)}`);
        expect(parts.sex).toBe(female ? Sex.PEREMPUAN : Sex.LAKI_LAKI);
        expect(parts.serial).toBe(pad(serial, 4));
        expect(formatNik(parts, options)).toBe(nik);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a woman’s day as 41–71 and a man’s as 01–31', () => {
    fc.assert(
      fc.property(validNik, ({ nik }) => {
        const day = Number(nik.slice(6, 8));
        const parts = parseNik(nik, options);
        expect(parts.sex === Sex.PEREMPUAN ? day >= 41 && day <= 71 : day >= 1 && day <= 31).toBe(true);
      }),
    );
  });

  it('accepts 29 February exactly in leap years', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...districts),
        fc.integer({ min: 0, max: 99 }),
        fc.boolean(),
        fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-01-01T00:00:00Z'), noInvalidDate: true }),
        (district, yy, female, reference) => {
          const referenceDate = reference.toISOString().slice(0, 10);
          const nik = district + (female ? '69' : '29') + '02' + pad(yy, 2) + '0001';
          const year = resolveCentury(
            yy,
            2,
            29,
            dateKey(reference.getUTCFullYear(), reference.getUTCMonth() + 1, reference.getUTCDate()),
          );
          const result = tryParseNik(nik, { referenceDate });
          expect(result.ok).toBe(isLeapYear(year));
          if (result.ok) expect(result.value.birthDate).toBe(`${year}-02-29`);
        },
      ),
    );
  });

  it('says valid (isValidNik) exactly when it parses (tryParseNik)', () => {
    const nearlyNik = fc.oneof(
      validNik.map(({ nik }) => nik),
      validNik.chain(({ nik }) =>
        fc
          .tuple(fc.integer({ min: 0, max: 15 }), fc.constantFrom(...'0123456789x '.split('')))
          .map(([at, char]) => nik.slice(0, at) + char + nik.slice(at + 1)),
      ),
      fc.string({ minLength: 15, maxLength: 17 }),
    );
    fc.assert(
      fc.property(nearlyNik, fc.boolean(), (value, requireKnownDistrict) => {
        const given = { ...options, requireKnownDistrict };
        expect(isValidNik(value, given)).toBe(tryParseNik(value, given).ok);
      }),
      { numRuns: 3000 },
    );
  });

  it('never accepts serial 0000', () => {
    fc.assert(
      fc.property(validNik, ({ nik }) => {
        expect(isValidNik(nik.slice(0, 12) + '0000', options)).toBe(false);
      }),
    );
  });

  it('never puts a birth date after the reference date', () => {
    fc.assert(
      fc.property(
        validNik,
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }),
        ({ nik }, reference) => {
          const referenceDate = reference.toISOString().slice(0, 10);
          const result = tryParseNik(nik, { referenceDate });
          if (result.ok) expect(result.value.birthDate <= referenceDate.padStart(10, '0')).toBe(true);
        },
      ),
    );
  });

  it('refuses unknown provinces and regencies whatever the rest says', () => {
    const unknownProvinces = Array.from({ length: 100 }, (_, p) => pad(p, 2)).filter(
      (p) => !regions.isKnownProvince(Number(p)),
    );
    fc.assert(
      fc.property(
        validNik,
        fc.constantFrom(...unknownProvinces),
        fc.integer({ min: 0, max: 99 }),
        ({ nik }, province, regency) => {
          expectCode(province + nik.slice(2), 'NIK.PROVINCE_UNKNOWN');
          const regencyCode = nik.slice(0, 2) + pad(regency, 2);
          if (!regions.isKnownRegency(Number(regencyCode)))
            expectCode(regencyCode + nik.slice(4), 'NIK.REGENCY_UNKNOWN');
        },
      ),
    );
  });
});

describe('formatNik', () => {
  it('writes a NIK from its parts, dotted or compact district codes and numeric or text serials', () => {
    expect(
      formatNik({ districtCode: '16.02.05', birthDate: '2026-11-28', sex: Sex.PEREMPUAN, serial: 3 }, options),
    ).toBe('1602056811260003');
    expect(
      formatNik({ districtCode: '160205', birthDate: '1990-01-05', sex: Sex.LAKI_LAKI, serial: '0042' }, options),
    ).toBe('1602050501900042');
    expect(formatNik({ districtCode: '16.02.05', birthDate: '1990-01-05', sex: Sex.LAKI_LAKI, serial: 1 })).toBe(
      '1602050501900001',
    );
  });

  it.each([
    [{ districtCode: '16.02' }, 'NIK.FORMAT'],
    [{ districtCode: '16.02.5' }, 'NIK.FORMAT'],
    [{ serial: 10000 }, 'NIK.FORMAT'],
    [{ serial: -1 }, 'NIK.FORMAT'],
    [{ serial: 1.5 }, 'NIK.FORMAT'],
    [{ serial: '42' }, 'NIK.FORMAT'],
    [{ serial: '00x1' }, 'NIK.FORMAT'],
    [{ districtCode: '10.02.05' }, 'NIK.PROVINCE_UNKNOWN'],
    [{ districtCode: '16.99.05' }, 'NIK.REGENCY_UNKNOWN'],
    [{ birthDate: '2023-02-29' }, 'NIK.INVALID_DATE'],
    [{ birthDate: '2026-11-29' }, 'NIK.FUTURE_DATE'],
    [{ serial: 0 }, 'NIK.SERIAL_ZERO'],
    [{ serial: '0000' }, 'NIK.SERIAL_ZERO'],
  ])('refuses %p with %s', (change, code) => {
    const fields = { districtCode: '16.02.05', birthDate: '1990-01-25', sex: Sex.LAKI_LAKI, serial: 1, ...change };
    expect(() => formatNik(fields, options)).toThrow(expect.objectContaining({ code }));
  });

  it('only issues with a current district code when asked to', () => {
    const fields = { districtCode: unknownDistricts[0], birthDate: '1990-01-25', sex: Sex.LAKI_LAKI, serial: 1 };
    expect(formatNik(fields, options)).toHaveLength(16);
    expect(() => formatNik(fields, { ...options, requireKnownDistrict: true })).toThrow(
      expect.objectContaining({ code: 'NIK.DISTRICT_UNKNOWN' }),
    );
  });
});

describe('maskNik', () => {
  it('keeps the region and serial only', () => {
    expect(maskNik('1602056811260003')).toBe('1602********0003');
  });

  it('masks anything that is not 16 characters whole', () => {
    expect(maskNik('16020568112600031')).toBe('*****************');
    expect(maskNik('')).toBe('');
  });
});
