import { formatIsoDate, referenceDateKey } from '../calendar/calendar-date.js';
import { Sex } from '../enums/population.js';
import { DomainError, type ErrorCode } from '../errors/index.js';
import { regionDirectory } from '../region/installed-region-directory.js';
import type { RegionDirectory } from '../region/region-directory.js';
import {
  decodePopulationNumber,
  encodePopulationNumber,
  lastDecoded,
  type PopulationNumberFault,
} from './population-number.js';

/** A NIK read into its parts (DOMAIN.md "Identifiers"). */
export interface NikParts {
  /** `16` */
  provinceCode: string;
  /** `16.02` */
  regencyCode: string;
  /** `16.02.05` */
  districtCode: string;
  /**
   * Whether the district exists in today's region list. A district split or renamed after the
   * NIK was issued keeps old NIKs valid: `false` is a warning to show, not a rejection.
   */
  districtKnown: boolean;
  /** `YYYY-MM-DD`, century resolved as DOMAIN.md says. */
  birthDate: string;
  sex: Sex;
  /** The four digits, `0001`–`9999`. */
  serial: string;
}

export interface NikParseOptions {
  /** The date "the future" is judged against when choosing the century; default today in Indonesia. */
  referenceDate?: string | Date;
  /** The real birth year when the registry knows it; used when its last two digits agree. */
  birthYear?: number;
  /** Refuse a district code that is not current (issuing a new NIK). Default false. */
  requireKnownDistrict?: boolean;
  /** Region data to judge codes against; default the installed idn-area-data. */
  regions?: RegionDirectory;
}

export type NikErrorCode = Extract<ErrorCode, `NIK.${string}`>;

export type NikParseResult = { ok: true; value: NikParts } | { ok: false; code: NikErrorCode; message: string };

/** Messages fit for a client or a log: they never repeat the NIK itself. */
const MESSAGES: Record<PopulationNumberFault, string> = {
  FORMAT: 'NIK harus tepat 16 digit angka',
  PROVINCE_UNKNOWN: 'Kode provinsi pada NIK tidak dikenal',
  REGENCY_UNKNOWN: 'Kode kabupaten/kota pada NIK tidak dikenal',
  DISTRICT_UNKNOWN: 'Kode kecamatan pada NIK bukan kode kecamatan yang berlaku',
  INVALID_DATE: 'Tanggal lahir pada NIK bukan tanggal yang sah',
  FUTURE_DATE: 'Tanggal lahir pada NIK tidak boleh di masa depan',
  SERIAL_ZERO: 'Nomor urut NIK tidak boleh 0000',
};

export function nikErrorMessage(code: NikErrorCode): string {
  return MESSAGES[code.slice(4) as PopulationNumberFault];
}

function nikFault(
  value: unknown,
  options: NikParseOptions,
  regions: RegionDirectory,
): PopulationNumberFault | undefined {
  return decodePopulationNumber(
    value,
    {
      femaleDayOffset: true,
      referenceKey: referenceDateKey(options.referenceDate),
      knownYear: options.birthYear,
      requireKnownDistrict: options.requireKnownDistrict === true,
    },
    regions,
  );
}

/** Reads a NIK without throwing: the form for bulk imports and for a refusal's message. */
export function tryParseNik(value: unknown, options: NikParseOptions = {}): NikParseResult {
  const regions = options.regions ?? regionDirectory();
  const fault = nikFault(value, options, regions);
  if (fault !== undefined) return { ok: false, code: `NIK.${fault}`, message: MESSAGES[fault] };
  const d = lastDecoded();
  const nik = value as string;
  return {
    ok: true,
    value: {
      provinceCode: nik.slice(0, 2),
      regencyCode: regions.dottedRegencyCode(d.regency),
      districtCode: regions.dottedDistrictCode(d.district),
      districtKnown: d.districtKnown,
      birthDate: formatIsoDate(d.year, d.month, d.day),
      sex: d.female ? Sex.PEREMPUAN : Sex.LAKI_LAKI,
      serial: nik.slice(12),
    },
  };
}

/** Reads a NIK into its parts; throws a `DomainError` with a `NIK.*` code when it is not valid. */
export function parseNik(value: unknown, options?: NikParseOptions): NikParts {
  const result = tryParseNik(value, options);
  if (!result.ok) throw new DomainError(result.code, result.message);
  return result.value;
}

/**
 * Whether a value is a valid NIK under the given options: the same rules as `tryParseNik`,
 * without writing out its parts (validators ask this of every NIK of a batch).
 */
export function isValidNik(value: unknown, options: NikParseOptions = {}): boolean {
  return nikFault(value, options, options.regions ?? regionDirectory()) === undefined;
}

export interface NikFields {
  /** `16.02.05` or `160205`. */
  districtCode: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex: Sex;
  /** 1–9999, or its four digits. */
  serial: number | string;
}

export interface NikFormatOptions {
  /** A birth date after this date is refused; default today in Indonesia. */
  referenceDate?: string | Date;
  /** Issuing a new NIK: only a current district code may be used (DOMAIN.md). Default false. */
  requireKnownDistrict?: boolean;
  regions?: RegionDirectory;
}

/** Writes the NIK of the given parts (used when assigning one); throws `NIK.*` when they break a rule. */
export function formatNik(fields: NikFields, options: NikFormatOptions = {}): string {
  const result = encodePopulationNumber(
    {
      districtCode: fields.districtCode,
      date: fields.birthDate,
      serial: fields.serial,
      female: fields.sex === Sex.PEREMPUAN,
      referenceKey: referenceDateKey(options.referenceDate),
      requireKnownDistrict: options.requireKnownDistrict === true,
    },
    options.regions ?? regionDirectory(),
  );
  if (!result.ok) throw new DomainError(`NIK.${result.fault}`, MESSAGES[result.fault]);
  return result.value;
}

/**
 * A NIK as logs and error messages may show it (UU 27/2022): region and serial kept, the
 * birth date hidden, `1602********0003`. Anything that is not 16 characters long is masked
 * whole, so a mistyped NIK cannot leak either.
 */
export function maskNik(value: string): string {
  if (value.length !== 16) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}********${value.slice(12)}`;
}
