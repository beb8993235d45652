import { formatIsoDate, isRealDate, parseIsoDate, readDigits, twoDigits } from '../../calendar/calendar-date.js';
import { DomainError, type ErrorCode } from '../../errors/index.js';
import { regionDirectory } from '../../region/installed-region-directory.js';
import { normalizeRegionCode, RegionLevel } from '../../region/region-code.js';
import type { RegionDirectory } from '../../region/region-directory.js';

/**
 * Nomor akta kematian, `RRRR-KM-DDMMYYYY-NNNN` (DOMAIN.md "Death registration"): regency code,
 * `KM` (kematian), the registration date in the regency's local date, and a serial per regency
 * and day.
 */

export interface DeathCertificateNumberParts {
  /** `16.02` */
  regencyCode: string;
  /** `YYYY-MM-DD` */
  registrationDate: string;
  serial: string;
}

export type DeathCertificateErrorCode = Extract<ErrorCode, `DEATH_CERTIFICATE.${string}`>;

export type DeathCertificateNumberParseResult =
  { ok: true; value: DeathCertificateNumberParts } | { ok: false; code: DeathCertificateErrorCode; message: string };

const MESSAGES: Record<DeathCertificateErrorCode, string> = {
  'DEATH_CERTIFICATE.FORMAT': 'Nomor akta kematian ditulis RRRR-KM-DDMMYYYY-NNNN',
  'DEATH_CERTIFICATE.REGENCY_UNKNOWN': 'Kode kabupaten/kota pada nomor akta kematian tidak dikenal',
  'DEATH_CERTIFICATE.INVALID_DATE': 'Tanggal pencatatan pada nomor akta kematian bukan tanggal yang sah',
  'DEATH_CERTIFICATE.SERIAL_ZERO': 'Nomor urut pada nomor akta kematian tidak boleh 0000',
};

function failure(code: DeathCertificateErrorCode): DeathCertificateNumberParseResult {
  return { ok: false, code, message: MESSAGES[code] };
}

export function tryParseDeathCertificateNumber(
  value: unknown,
  options: { regions?: RegionDirectory } = {},
): DeathCertificateNumberParseResult {
  if (
    typeof value !== 'string' ||
    value.length !== 21 ||
    value[4] !== '-' ||
    value.slice(5, 7) !== 'KM' ||
    value[7] !== '-' ||
    value[16] !== '-'
  ) {
    return failure('DEATH_CERTIFICATE.FORMAT');
  }
  const regency = readDigits(value, 0, 4);
  const day = readDigits(value, 8, 2);
  const month = readDigits(value, 10, 2);
  const year = readDigits(value, 12, 4);
  const serial = readDigits(value, 17, 4);
  if (regency < 0 || day < 0 || month < 0 || year < 0 || serial < 0) return failure('DEATH_CERTIFICATE.FORMAT');
  const regions = options.regions ?? regionDirectory();
  if (!regions.isKnownRegency(regency)) return failure('DEATH_CERTIFICATE.REGENCY_UNKNOWN');
  if (year < 1 || !isRealDate(year, month, day)) return failure('DEATH_CERTIFICATE.INVALID_DATE');
  if (serial === 0) return failure('DEATH_CERTIFICATE.SERIAL_ZERO');
  return {
    ok: true,
    value: {
      regencyCode: regions.dottedRegencyCode(regency),
      registrationDate: formatIsoDate(year, month, day),
      serial: value.slice(17),
    },
  };
}

/** Reads a death certificate number; throws `DEATH_CERTIFICATE.*` when it is not valid. */
export function parseDeathCertificateNumber(
  value: unknown,
  options?: { regions?: RegionDirectory },
): DeathCertificateNumberParts {
  const result = tryParseDeathCertificateNumber(value, options);
  if (!result.ok) throw new DomainError(result.code, result.message);
  return result.value;
}

export function isValidDeathCertificateNumber(value: unknown, options?: { regions?: RegionDirectory }): boolean {
  return tryParseDeathCertificateNumber(value, options).ok;
}

export interface DeathCertificateNumberFields {
  /** `16.02` or `1602` */
  regencyCode: string;
  /** `YYYY-MM-DD`, the regency's local date of registration. */
  registrationDate: string;
  /** `YYYY-MM-DD`: when given, the registration may not be before it. */
  dateOfDeath?: string;
  /** 1–9999 */
  serial: number;
}

/** Writes the number of a new Kutipan Akta Kematian; throws `DEATH_CERTIFICATE.*` when the parts break a rule. */
export function formatDeathCertificateNumber(
  fields: DeathCertificateNumberFields,
  options: { regions?: RegionDirectory } = {},
): string {
  const regency = normalizeRegionCode(fields.regencyCode);
  if (
    regency?.level !== RegionLevel.REGENCY ||
    !Number.isInteger(fields.serial) ||
    fields.serial < 0 ||
    fields.serial > 9999
  ) {
    throw new DomainError('DEATH_CERTIFICATE.FORMAT', MESSAGES['DEATH_CERTIFICATE.FORMAT']);
  }
  if (!(options.regions ?? regionDirectory()).isKnownRegency(Number(regency.compact))) {
    throw new DomainError('DEATH_CERTIFICATE.REGENCY_UNKNOWN', MESSAGES['DEATH_CERTIFICATE.REGENCY_UNKNOWN']);
  }
  const registration = parseIsoDate(fields.registrationDate);
  const death = fields.dateOfDeath === undefined ? undefined : parseIsoDate(fields.dateOfDeath);
  if (
    registration === undefined ||
    (fields.dateOfDeath !== undefined && (death === undefined || fields.dateOfDeath > fields.registrationDate))
  ) {
    throw new DomainError(
      'DEATH_CERTIFICATE.INVALID_DATE',
      'Tanggal pencatatan harus tanggal yang sah dan tidak boleh sebelum tanggal kematian',
    );
  }
  if (fields.serial === 0)
    throw new DomainError('DEATH_CERTIFICATE.SERIAL_ZERO', MESSAGES['DEATH_CERTIFICATE.SERIAL_ZERO']);
  return [
    regency.compact,
    'KM',
    twoDigits(registration.day) + twoDigits(registration.month) + String(registration.year).padStart(4, '0'),
    String(fields.serial).padStart(4, '0'),
  ].join('-');
}
