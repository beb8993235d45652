import {
  type CalendarDate,
  daysBetween,
  formatIsoDate,
  isRealDate,
  parseIsoDate,
  readDigits,
  twoDigits,
} from '../calendar/calendar-date.js';
import { DomainError, type ErrorCode } from '../errors/index.js';
import { regionDirectory } from '../region/installed-region-directory.js';
import { normalizeRegionCode, RegionLevel } from '../region/region-code.js';
import type { RegionDirectory } from '../region/region-directory.js';

/**
 * Nomor akta kelahiran, `RRRR-LU-DDMMYYYY-NNNN` (DOMAIN.md): regency code, `LU` (lahir umum)
 * or `LT` (lahir terlambat), registration date and a serial per regency and day.
 */
export const BirthRegistrationKind = { LU: 'LU', LT: 'LT' } as const;
export type BirthRegistrationKind = (typeof BirthRegistrationKind)[keyof typeof BirthRegistrationKind];

/** A birth registered more than this many days after it is a late registration (`LT`). */
export const LATE_BIRTH_REGISTRATION_AFTER_DAYS = 60;

export interface BirthCertificateNumberParts {
  /** `16.02` */
  regencyCode: string;
  kind: BirthRegistrationKind;
  /** `YYYY-MM-DD` */
  registrationDate: string;
  serial: string;
}

export type BirthCertificateErrorCode = Extract<ErrorCode, `BIRTH_CERTIFICATE.${string}`>;

export type BirthCertificateNumberParseResult =
  { ok: true; value: BirthCertificateNumberParts } | { ok: false; code: BirthCertificateErrorCode; message: string };

const MESSAGES: Record<BirthCertificateErrorCode, string> = {
  'BIRTH_CERTIFICATE.FORMAT': 'Nomor akta kelahiran ditulis RRRR-LU-DDMMYYYY-NNNN (LT untuk pelaporan terlambat)',
  'BIRTH_CERTIFICATE.REGENCY_UNKNOWN': 'Kode kabupaten/kota pada nomor akta kelahiran tidak dikenal',
  'BIRTH_CERTIFICATE.INVALID_DATE': 'Tanggal pencatatan pada nomor akta kelahiran bukan tanggal yang sah',
  'BIRTH_CERTIFICATE.SERIAL_ZERO': 'Nomor urut pada nomor akta kelahiran tidak boleh 0000',
};

function failure(code: BirthCertificateErrorCode): BirthCertificateNumberParseResult {
  return { ok: false, code, message: MESSAGES[code] };
}

/** `LU` when registered within 60 days of the birth, `LT` after that. */
export function birthRegistrationKind(birthDate: CalendarDate, registrationDate: CalendarDate): BirthRegistrationKind {
  return daysBetween(birthDate, registrationDate) > LATE_BIRTH_REGISTRATION_AFTER_DAYS
    ? BirthRegistrationKind.LT
    : BirthRegistrationKind.LU;
}

export function tryParseBirthCertificateNumber(
  value: unknown,
  options: { regions?: RegionDirectory } = {},
): BirthCertificateNumberParseResult {
  if (typeof value !== 'string' || value.length !== 21 || value[4] !== '-' || value[7] !== '-' || value[16] !== '-') {
    return failure('BIRTH_CERTIFICATE.FORMAT');
  }
  const kind = value.slice(5, 7);
  const regency = readDigits(value, 0, 4);
  const day = readDigits(value, 8, 2);
  const month = readDigits(value, 10, 2);
  const year = readDigits(value, 12, 4);
  const serial = readDigits(value, 17, 4);
  if ((kind !== 'LU' && kind !== 'LT') || regency < 0 || day < 0 || month < 0 || year < 0 || serial < 0) {
    return failure('BIRTH_CERTIFICATE.FORMAT');
  }
  const regions = options.regions ?? regionDirectory();
  if (!regions.isKnownRegency(regency)) return failure('BIRTH_CERTIFICATE.REGENCY_UNKNOWN');
  if (year < 1 || !isRealDate(year, month, day)) return failure('BIRTH_CERTIFICATE.INVALID_DATE');
  if (serial === 0) return failure('BIRTH_CERTIFICATE.SERIAL_ZERO');
  return {
    ok: true,
    value: {
      regencyCode: regions.dottedRegencyCode(regency),
      kind,
      registrationDate: formatIsoDate(year, month, day),
      serial: value.slice(17),
    },
  };
}

/** Reads a birth certificate number; throws `BIRTH_CERTIFICATE.*` when it is not valid. */
export function parseBirthCertificateNumber(
  value: unknown,
  options?: { regions?: RegionDirectory },
): BirthCertificateNumberParts {
  const result = tryParseBirthCertificateNumber(value, options);
  if (!result.ok) throw new DomainError(result.code, result.message);
  return result.value;
}

export function isValidBirthCertificateNumber(value: unknown, options?: { regions?: RegionDirectory }): boolean {
  return tryParseBirthCertificateNumber(value, options).ok;
}

export interface BirthCertificateNumberFields {
  /** `16.02` or `1602` */
  regencyCode: string;
  /** `YYYY-MM-DD`: decides `LU` or `LT`. */
  birthDate: string;
  /** `YYYY-MM-DD`, not before the birth. */
  registrationDate: string;
  /** 1–9999 */
  serial: number;
}

/** Writes the number of a new Kutipan Akta Kelahiran; throws `BIRTH_CERTIFICATE.*` when the parts break a rule. */
export function formatBirthCertificateNumber(
  fields: BirthCertificateNumberFields,
  options: { regions?: RegionDirectory } = {},
): string {
  const regency = normalizeRegionCode(fields.regencyCode);
  if (
    regency?.level !== RegionLevel.REGENCY ||
    !Number.isInteger(fields.serial) ||
    fields.serial < 0 ||
    fields.serial > 9999
  ) {
    throw new DomainError('BIRTH_CERTIFICATE.FORMAT', MESSAGES['BIRTH_CERTIFICATE.FORMAT']);
  }
  if (!(options.regions ?? regionDirectory()).isKnownRegency(Number(regency.compact))) {
    throw new DomainError('BIRTH_CERTIFICATE.REGENCY_UNKNOWN', MESSAGES['BIRTH_CERTIFICATE.REGENCY_UNKNOWN']);
  }
  const birth = parseIsoDate(fields.birthDate);
  const registration = parseIsoDate(fields.registrationDate);
  if (birth === undefined || registration === undefined || daysBetween(birth, registration) < 0) {
    throw new DomainError(
      'BIRTH_CERTIFICATE.INVALID_DATE',
      'Tanggal pencatatan harus tanggal yang sah dan tidak boleh sebelum tanggal kelahiran',
    );
  }
  if (fields.serial === 0)
    throw new DomainError('BIRTH_CERTIFICATE.SERIAL_ZERO', MESSAGES['BIRTH_CERTIFICATE.SERIAL_ZERO']);
  return [
    regency.compact,
    birthRegistrationKind(birth, registration),
    twoDigits(registration.day) + twoDigits(registration.month) + String(registration.year).padStart(4, '0'),
    String(fields.serial).padStart(4, '0'),
  ].join('-');
}
