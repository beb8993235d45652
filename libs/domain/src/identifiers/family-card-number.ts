import { formatIsoDate, referenceDateKey } from '../calendar/calendar-date.js';
import { DomainError, type ErrorCode } from '../errors/index.js';
import { regionDirectory } from '../region/installed-region-directory.js';
import type { RegionDirectory } from '../region/region-directory.js';
import {
  decodePopulationNumber,
  encodePopulationNumber,
  lastDecoded,
  type PopulationNumberFault,
} from './population-number.js';

/**
 * No. KK (Kartu Keluarga number): district code, issue date `DDMMYY` (no +40: a family has no
 * sex) and a serial. Same validity rules as a NIK otherwise.
 */
export interface FamilyCardNumberParts {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  /** A district unknown today is a warning: families keep their number when regions change. */
  districtKnown: boolean;
  /** `YYYY-MM-DD`; the century is the latest that does not put it in the future. */
  issueDate: string;
  serial: string;
}

export interface FamilyCardNumberParseOptions {
  referenceDate?: string | Date;
  requireKnownDistrict?: boolean;
  regions?: RegionDirectory;
}

export type FamilyCardNumberErrorCode = Extract<ErrorCode, `KK.${string}`>;

export type FamilyCardNumberParseResult =
  { ok: true; value: FamilyCardNumberParts } | { ok: false; code: FamilyCardNumberErrorCode; message: string };

const MESSAGES: Record<PopulationNumberFault, string> = {
  FORMAT: 'No. KK harus tepat 16 digit angka',
  PROVINCE_UNKNOWN: 'Kode provinsi pada No. KK tidak dikenal',
  REGENCY_UNKNOWN: 'Kode kabupaten/kota pada No. KK tidak dikenal',
  DISTRICT_UNKNOWN: 'Kode kecamatan pada No. KK bukan kode kecamatan yang berlaku',
  INVALID_DATE: 'Tanggal penerbitan pada No. KK bukan tanggal yang sah',
  FUTURE_DATE: 'Tanggal penerbitan pada No. KK tidak boleh di masa depan',
  SERIAL_ZERO: 'Nomor urut No. KK tidak boleh 0000',
};

export function familyCardNumberErrorMessage(code: FamilyCardNumberErrorCode): string {
  return MESSAGES[code.slice(3) as PopulationNumberFault];
}

export function tryParseFamilyCardNumber(
  value: unknown,
  options: FamilyCardNumberParseOptions = {},
): FamilyCardNumberParseResult {
  const regions = options.regions ?? regionDirectory();
  const fault = decodePopulationNumber(
    value,
    {
      femaleDayOffset: false,
      referenceKey: referenceDateKey(options.referenceDate),
      requireKnownDistrict: options.requireKnownDistrict === true,
    },
    regions,
  );
  if (fault !== undefined) return { ok: false, code: `KK.${fault}`, message: MESSAGES[fault] };
  const d = lastDecoded();
  const number = value as string;
  return {
    ok: true,
    value: {
      provinceCode: number.slice(0, 2),
      regencyCode: regions.dottedRegencyCode(d.regency),
      districtCode: regions.dottedDistrictCode(d.district),
      districtKnown: d.districtKnown,
      issueDate: formatIsoDate(d.year, d.month, d.day),
      serial: number.slice(12),
    },
  };
}

/** Reads a No. KK; throws a `DomainError` with a `KK.*` code when it is not valid. */
export function parseFamilyCardNumber(value: unknown, options?: FamilyCardNumberParseOptions): FamilyCardNumberParts {
  const result = tryParseFamilyCardNumber(value, options);
  if (!result.ok) throw new DomainError(result.code, result.message);
  return result.value;
}

export function isValidFamilyCardNumber(value: unknown, options?: FamilyCardNumberParseOptions): boolean {
  return tryParseFamilyCardNumber(value, options).ok;
}

export interface FamilyCardNumberFields {
  districtCode: string;
  /** `YYYY-MM-DD` */
  issueDate: string;
  serial: number | string;
}

/** Writes a new No. KK; throws `KK.*` when the parts break a rule. */
export function formatFamilyCardNumber(
  fields: FamilyCardNumberFields,
  options: { referenceDate?: string | Date; requireKnownDistrict?: boolean; regions?: RegionDirectory } = {},
): string {
  const result = encodePopulationNumber(
    {
      districtCode: fields.districtCode,
      date: fields.issueDate,
      serial: fields.serial,
      female: false,
      referenceKey: referenceDateKey(options.referenceDate),
      requireKnownDistrict: options.requireKnownDistrict === true,
    },
    options.regions ?? regionDirectory(),
  );
  if (!result.ok) throw new DomainError(`KK.${result.fault}`, MESSAGES[result.fault]);
  return result.value;
}
