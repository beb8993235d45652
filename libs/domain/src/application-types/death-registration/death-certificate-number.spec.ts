import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type DomainError } from '../../errors/index.js';
import {
  formatDeathCertificateNumber,
  isValidDeathCertificateNumber,
  parseDeathCertificateNumber,
  tryParseDeathCertificateNumber,
} from './death-certificate-number.js';

const codeOf = (value: unknown): string => {
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
    expect(codeOf(value)).toBe(expected);
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
