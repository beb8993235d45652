import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type DomainError } from '../errors/index.js';
import {
  birthRegistrationKind,
  DeedKind,
  formatBirthCertificateNumber,
  formatDeathCertificateNumber,
  formatDeedNumber,
  isValidBirthCertificateNumber,
  isValidDeathCertificateNumber,
  parseBirthCertificateNumber,
  parseDeathCertificateNumber,
  parseDeedNumber,
  tryParseBirthCertificateNumber,
  tryParseDeathCertificateNumber,
} from './deed-number.js';

const codeOf = (value: unknown): string => {
  const result = tryParseBirthCertificateNumber(value);
  return result.ok ? 'valid' : result.code;
};
const deathCodeOf = (value: unknown): string => {
  const result = tryParseDeathCertificateNumber(value);
  return result.ok ? 'valid' : result.code;
};

const thrownCode = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
};

describe('birth certificate numbers', () => {
  it('reads the parts', () => {
    expect(parseBirthCertificateNumber('1602-LU-28112026-0001')).toEqual({
      regencyCode: '16.02',
      kind: 'LU',
      registrationDate: '2026-11-28',
      serial: '0001',
    });
    expect(parseBirthCertificateNumber('1605-LT-04122012-0053').kind).toBe('LT');
  });

  it.each([
    ['1602-LU-28112026-0001', 'valid'],
    ['1602-lu-28112026-0001', 'BIRTH_CERTIFICATE.FORMAT'],
    ['1602-LX-28112026-0001', 'BIRTH_CERTIFICATE.FORMAT'],
    ['1602-LU-2811202-60001', 'BIRTH_CERTIFICATE.FORMAT'],
    ['1602LU-28112026-00001', 'BIRTH_CERTIFICATE.FORMAT'],
    ['1602-LU-28112026-001', 'BIRTH_CERTIFICATE.FORMAT'],
    ['16O2-LU-28112026-0001', 'BIRTH_CERTIFICATE.FORMAT'],
    ['1602-LU-2811202x-0001', 'BIRTH_CERTIFICATE.FORMAT'],
    ['1602-LU-28112026-000x', 'BIRTH_CERTIFICATE.FORMAT'],
    ['1602-LU-x8112026-0001', 'BIRTH_CERTIFICATE.FORMAT'],
    ['1602-LU-28x12026-0001', 'BIRTH_CERTIFICATE.FORMAT'],
    [16022811, 'BIRTH_CERTIFICATE.FORMAT'],
    ['1699-LU-28112026-0001', 'BIRTH_CERTIFICATE.REGENCY_UNKNOWN'],
    ['1602-LU-29022025-0001', 'BIRTH_CERTIFICATE.INVALID_DATE'],
    ['1602-LU-28110000-0001', 'BIRTH_CERTIFICATE.INVALID_DATE'],
    ['1602-LU-28112026-0000', 'BIRTH_CERTIFICATE.SERIAL_ZERO'],
  ])('judges %p: %s', (value, expected) => {
    expect(codeOf(value)).toBe(expected);
    expect(isValidBirthCertificateNumber(value)).toBe(expected === 'valid');
  });

  it('is LU within 60 days of the birth and LT after', () => {
    const birth = { year: 2026, month: 1, day: 1 };
    expect(birthRegistrationKind(birth, { year: 2026, month: 3, day: 2 })).toBe('LU');
    expect(birthRegistrationKind(birth, { year: 2026, month: 3, day: 3 })).toBe('LT');
  });

  it('writes a number with LU or LT from the dates', () => {
    expect(
      formatBirthCertificateNumber({
        regencyCode: '16.02',
        birthDate: '2026-11-01',
        registrationDate: '2026-11-28',
        serial: 1,
      }),
    ).toBe('1602-LU-28112026-0001');
    expect(
      formatBirthCertificateNumber({
        regencyCode: '1605',
        birthDate: '2012-01-01',
        registrationDate: '2012-12-04',
        serial: 53,
      }),
    ).toBe('1605-LT-04122012-0053');
  });

  it('formats every valid number it parses back to itself', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 9999 }),
        (birth, delay, serial) => {
          const registration = new Date(birth.getTime() + delay * 86_400_000);
          const number = formatBirthCertificateNumber({
            regencyCode: '16.02',
            birthDate: birth.toISOString().slice(0, 10),
            registrationDate: registration.toISOString().slice(0, 10),
            serial,
          });
          const parts = parseBirthCertificateNumber(number);
          expect(parts.kind).toBe(delay > 60 ? 'LT' : 'LU');
          expect(parts.registrationDate).toBe(registration.toISOString().slice(0, 10));
          expect(Number(parts.serial)).toBe(serial);
        },
      ),
    );
  });

  it.each([
    [{ regencyCode: '16' }, 'BIRTH_CERTIFICATE.FORMAT'],
    [{ serial: 10000 }, 'BIRTH_CERTIFICATE.FORMAT'],
    [{ serial: -2 }, 'BIRTH_CERTIFICATE.FORMAT'],
    [{ serial: 2.5 }, 'BIRTH_CERTIFICATE.FORMAT'],
    [{ regencyCode: '16.99' }, 'BIRTH_CERTIFICATE.REGENCY_UNKNOWN'],
    [{ birthDate: '2026-02-30' }, 'BIRTH_CERTIFICATE.INVALID_DATE'],
    [{ registrationDate: '28-11-2026' }, 'BIRTH_CERTIFICATE.INVALID_DATE'],
    [{ registrationDate: '2026-10-31' }, 'BIRTH_CERTIFICATE.INVALID_DATE'],
    [{ serial: 0 }, 'BIRTH_CERTIFICATE.SERIAL_ZERO'],
  ])('refuses to write %p: %s', (change, expected) => {
    const fields = {
      regencyCode: '16.02',
      birthDate: '2026-11-01',
      registrationDate: '2026-11-28',
      serial: 1,
      ...change,
    };
    expect(thrownCode(() => formatBirthCertificateNumber(fields))).toBe(expected);
  });

  it('throws DomainError from parse', () => {
    expect(thrownCode(() => parseBirthCertificateNumber('1602-LU-28112026-0000'))).toBe(
      'BIRTH_CERTIFICATE.SERIAL_ZERO',
    );
  });
});

describe('death certificate numbers', () => {
  it('reads the parts', () => {
    expect(parseDeathCertificateNumber('1602-KM-28112026-0001')).toEqual({
      regencyCode: '16.02',
      registrationDate: '2026-11-28',
      serial: '0001',
    });
  });

  it.each([
    ['1602-KM-28112026-0001', 'valid'],
    ['1602-km-28112026-0001', 'DEATH_CERTIFICATE.FORMAT'],
    ['1602-LU-28112026-0001', 'DEATH_CERTIFICATE.FORMAT'],
    ['1602-KM-2811202-60001', 'DEATH_CERTIFICATE.FORMAT'],
    ['1602KM-28112026-00001', 'DEATH_CERTIFICATE.FORMAT'],
    ['1602-KM-28112026-001', 'DEATH_CERTIFICATE.FORMAT'],
    ['1602-KMx28112026-0001', 'DEATH_CERTIFICATE.FORMAT'],
    ['16O2-KM-28112026-0001', 'DEATH_CERTIFICATE.FORMAT'],
    ['1602-KM-x8112026-0001', 'DEATH_CERTIFICATE.FORMAT'],
    ['1602-KM-28x12026-0001', 'DEATH_CERTIFICATE.FORMAT'],
    ['1602-KM-2811202x-0001', 'DEATH_CERTIFICATE.FORMAT'],
    ['1602-KM-28112026-000x', 'DEATH_CERTIFICATE.FORMAT'],
    [16022811, 'DEATH_CERTIFICATE.FORMAT'],
    ['1699-KM-28112026-0001', 'DEATH_CERTIFICATE.REGENCY_UNKNOWN'],
    ['1602-KM-29022025-0001', 'DEATH_CERTIFICATE.INVALID_DATE'],
    ['1602-KM-28110000-0001', 'DEATH_CERTIFICATE.INVALID_DATE'],
    ['1602-KM-28112026-0000', 'DEATH_CERTIFICATE.SERIAL_ZERO'],
  ])('judges %p: %s', (value, expected) => {
    expect(deathCodeOf(value)).toBe(expected);
    expect(isValidDeathCertificateNumber(value)).toBe(expected === 'valid');
  });

  it('writes a number from the regency, the registration date and the serial', () => {
    expect(formatDeathCertificateNumber({ regencyCode: '16.02', registrationDate: '2026-11-28', serial: 1 })).toBe(
      '1602-KM-28112026-0001',
    );
    expect(
      formatDeathCertificateNumber({
        regencyCode: '1605',
        registrationDate: '2012-12-04',
        dateOfDeath: '2012-12-04',
        serial: 53,
      }),
    ).toBe('1605-KM-04122012-0053');
  });

  it('formats every valid number it parses back to itself', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 9999 }),
        (registration, serial) => {
          const registrationDate = registration.toISOString().slice(0, 10);
          const number = formatDeathCertificateNumber({ regencyCode: '16.02', registrationDate, serial });
          const parts = parseDeathCertificateNumber(number);
          expect(parts.registrationDate).toBe(registrationDate);
          expect(Number(parts.serial)).toBe(serial);
        },
      ),
    );
  });

  it.each([
    [{ regencyCode: '16' }, 'DEATH_CERTIFICATE.FORMAT'],
    [{ serial: 10000 }, 'DEATH_CERTIFICATE.FORMAT'],
    [{ serial: -2 }, 'DEATH_CERTIFICATE.FORMAT'],
    [{ serial: 2.5 }, 'DEATH_CERTIFICATE.FORMAT'],
    [{ regencyCode: '16.99' }, 'DEATH_CERTIFICATE.REGENCY_UNKNOWN'],
    [{ registrationDate: '28-11-2026' }, 'DEATH_CERTIFICATE.INVALID_DATE'],
    [{ dateOfDeath: '2026-02-30' }, 'DEATH_CERTIFICATE.INVALID_DATE'],
    [{ dateOfDeath: '2026-11-29' }, 'DEATH_CERTIFICATE.INVALID_DATE'],
    [{ serial: 0 }, 'DEATH_CERTIFICATE.SERIAL_ZERO'],
  ])('refuses to write %p: %s', (change, expected) => {
    const fields = { regencyCode: '16.02', registrationDate: '2026-11-28', serial: 1, ...change };
    expect(thrownCode(() => formatDeathCertificateNumber(fields))).toBe(expected);
  });

  it('throws DomainError from parse', () => {
    expect(thrownCode(() => parseDeathCertificateNumber('1602-KM-28112026-0000'))).toBe(
      'DEATH_CERTIFICATE.SERIAL_ZERO',
    );
  });
});

describe('one generator for every deed kind', () => {
  it('writes and reads both kinds with the same shape, each with its own codes', () => {
    const fields = { regencyCode: '16.02', registrationDate: '2026-11-28', eventDate: '2026-11-01', serial: 7 };
    expect(formatDeedNumber(DeedKind.BIRTH, fields)).toBe('1602-LU-28112026-0007');
    expect(formatDeedNumber(DeedKind.DEATH, fields)).toBe('1602-KM-28112026-0007');
    expect(parseDeedNumber(DeedKind.DEATH, '1602-KM-28112026-0007').code).toBe('KM');
    // A birth number is no death number, and the other way round.
    expect(() => parseDeedNumber(DeedKind.DEATH, '1602-LU-28112026-0007')).toThrow('Nomor akta kematian ditulis');
    expect(() => parseDeedNumber(DeedKind.BIRTH, '1602-KM-28112026-0007')).toThrow('Nomor akta kelahiran ditulis');
  });

  it('counts a birth without a known birth date as registered in time (LU)', () => {
    expect(formatDeedNumber(DeedKind.BIRTH, { regencyCode: '16.02', registrationDate: '2026-11-28', serial: 1 })).toBe(
      '1602-LU-28112026-0001',
    );
  });
});
