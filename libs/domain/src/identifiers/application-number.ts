import { formatIsoDate, isRealDate, parseIsoDate, readDigits, twoDigits } from '../calendar/calendar-date.js';
import { DomainError, type ErrorCode } from '../errors/index.js';
import { regionDirectory } from '../region/installed-region-directory.js';
import { normalizeRegionCode, RegionLevel } from '../region/region-code.js';
import type { RegionDirectory } from '../region/region-directory.js';

/**
 * The number a resident quotes at the counter, `RRRR-YYYYMMDD-NNNNN` (`1602-20261128-00042`):
 * the regency that handles the application, the day it was submitted (the regency's local date,
 * `regionLocalDate`: WIB/WITA/WIT) and a sequence per regency and day. Short, readable aloud,
 * and sortable by day.
 */
export interface ApplicationNumberParts {
  /** `16.02` */
  regencyCode: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** 1–99999 */
  sequence: number;
}

export type ApplicationNumberErrorCode = Extract<ErrorCode, `APPLICATION_NUMBER.${string}`>;

export type ApplicationNumberParseResult =
  { ok: true; value: ApplicationNumberParts } | { ok: false; code: ApplicationNumberErrorCode; message: string };

export const MAX_APPLICATION_SEQUENCE = 99_999;

const MESSAGES: Record<ApplicationNumberErrorCode, string> = {
  'APPLICATION_NUMBER.FORMAT': 'Nomor permohonan ditulis RRRR-YYYYMMDD-NNNNN',
  'APPLICATION_NUMBER.REGENCY_UNKNOWN': 'Kode kabupaten/kota pada nomor permohonan tidak dikenal',
  'APPLICATION_NUMBER.INVALID_DATE': 'Tanggal pada nomor permohonan bukan tanggal yang sah',
  'APPLICATION_NUMBER.SEQUENCE_ZERO': 'Nomor urut permohonan dimulai dari 00001',
};

function failure(code: ApplicationNumberErrorCode): ApplicationNumberParseResult {
  return { ok: false, code, message: MESSAGES[code] };
}

export function tryParseApplicationNumber(
  value: unknown,
  options: { regions?: RegionDirectory } = {},
): ApplicationNumberParseResult {
  if (typeof value !== 'string' || value.length !== 19 || value[4] !== '-' || value[13] !== '-') {
    return failure('APPLICATION_NUMBER.FORMAT');
  }
  const regency = readDigits(value, 0, 4);
  const year = readDigits(value, 5, 4);
  const month = readDigits(value, 9, 2);
  const day = readDigits(value, 11, 2);
  const sequence = readDigits(value, 14, 5);
  if (regency < 0 || year < 0 || month < 0 || day < 0 || sequence < 0) return failure('APPLICATION_NUMBER.FORMAT');
  const regions = options.regions ?? regionDirectory();
  if (!regions.isKnownRegency(regency)) return failure('APPLICATION_NUMBER.REGENCY_UNKNOWN');
  if (year < 1 || !isRealDate(year, month, day)) return failure('APPLICATION_NUMBER.INVALID_DATE');
  if (sequence === 0) return failure('APPLICATION_NUMBER.SEQUENCE_ZERO');
  return {
    ok: true,
    value: { regencyCode: regions.dottedRegencyCode(regency), date: formatIsoDate(year, month, day), sequence },
  };
}

/** Reads an application number; throws `APPLICATION_NUMBER.*` when it is not valid. */
export function parseApplicationNumber(
  value: unknown,
  options?: { regions?: RegionDirectory },
): ApplicationNumberParts {
  const result = tryParseApplicationNumber(value, options);
  if (!result.ok) throw new DomainError(result.code, result.message);
  return result.value;
}

export function isValidApplicationNumber(value: unknown, options?: { regions?: RegionDirectory }): boolean {
  return tryParseApplicationNumber(value, options).ok;
}

/** Writes an application number; throws `APPLICATION_NUMBER.*` when the parts break a rule. */
export function formatApplicationNumber(
  parts: ApplicationNumberParts,
  options: { regions?: RegionDirectory } = {},
): string {
  const regency = normalizeRegionCode(parts.regencyCode);
  const { sequence } = parts;
  if (
    regency?.level !== RegionLevel.REGENCY ||
    !Number.isInteger(sequence) ||
    sequence < 0 ||
    sequence > MAX_APPLICATION_SEQUENCE
  ) {
    throw new DomainError('APPLICATION_NUMBER.FORMAT', MESSAGES['APPLICATION_NUMBER.FORMAT']);
  }
  if (!(options.regions ?? regionDirectory()).isKnownRegency(Number(regency.compact))) {
    throw new DomainError('APPLICATION_NUMBER.REGENCY_UNKNOWN', MESSAGES['APPLICATION_NUMBER.REGENCY_UNKNOWN']);
  }
  const date = parseIsoDate(parts.date);
  if (date === undefined)
    throw new DomainError('APPLICATION_NUMBER.INVALID_DATE', MESSAGES['APPLICATION_NUMBER.INVALID_DATE']);
  if (sequence === 0)
    throw new DomainError('APPLICATION_NUMBER.SEQUENCE_ZERO', MESSAGES['APPLICATION_NUMBER.SEQUENCE_ZERO']);
  return `${regency.compact}-${String(date.year).padStart(4, '0')}${twoDigits(date.month)}${twoDigits(date.day)}-${String(sequence).padStart(5, '0')}`;
}
