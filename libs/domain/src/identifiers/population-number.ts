import {
  dateKey,
  daysInMonth,
  parseIsoDate,
  readDigits,
  resolveCentury,
  twoDigits,
} from '../calendar/calendar-date.js';
import { normalizeRegionCode, RegionLevel } from '../region/region-code.js';
import type { RegionDirectory } from '../region/region-directory.js';

/**
 * The layout NIK and No. KK share (DOMAIN.md "Identifiers"): 16 ASCII digits, a 6-digit
 * district code PPRRDD, a date DDMMYY and a 4-digit serial. Only the NIK adds 40 to the day
 * for women. Decoding is plain character-code arithmetic into a reused scratch record: it runs
 * on every request that carries a NIK, so it builds no regex, no Date and no intermediate
 * string.
 */

/** Why a 16-digit number was refused; the NIK and KK error codes add their prefix. */
export type PopulationNumberFault =
  | 'FORMAT'
  | 'PROVINCE_UNKNOWN'
  | 'REGENCY_UNKNOWN'
  | 'DISTRICT_UNKNOWN'
  | 'INVALID_DATE'
  | 'FUTURE_DATE'
  | 'SERIAL_ZERO';

export interface DecodedPopulationNumber {
  province: number;
  regency: number;
  district: number;
  districtKnown: boolean;
  year: number;
  month: number;
  day: number;
  female: boolean;
  serial: number;
}

export interface DecodeRules {
  /** NIK: days 41–71 are a woman's birth date plus 40. */
  femaleDayOffset: boolean;
  referenceKey: number;
  /** The real year of the date when the registry knows it; used when its last digits agree. */
  knownYear?: number;
  requireKnownDistrict: boolean;
}

/** Single-threaded JavaScript: one scratch record serves every call and is copied out. */
const decoded: DecodedPopulationNumber = {
  province: 0,
  regency: 0,
  district: 0,
  districtKnown: false,
  year: 0,
  month: 0,
  day: 0,
  female: false,
  serial: 0,
};

function digit(value: string, index: number): number {
  return value.charCodeAt(index) - 48;
}

/**
 * Decodes a NIK or No. KK into the shared scratch record and returns `undefined`, or returns
 * the first rule it breaks, checked in the order a person would read the number.
 */
export function decodePopulationNumber(
  value: unknown,
  rules: DecodeRules,
  regions: RegionDirectory,
): PopulationNumberFault | undefined {
  if (typeof value !== 'string' || value.length !== 16) return 'FORMAT';
  for (let i = 0; i < 16; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return 'FORMAT';
  }
  const province = digit(value, 0) * 10 + digit(value, 1);
  const regency = province * 100 + digit(value, 2) * 10 + digit(value, 3);
  const district = regency * 100 + digit(value, 4) * 10 + digit(value, 5);
  if (!regions.isKnownProvince(province)) return 'PROVINCE_UNKNOWN';
  if (!regions.isKnownRegency(regency)) return 'REGENCY_UNKNOWN';

  let day = digit(value, 6) * 10 + digit(value, 7);
  const month = digit(value, 8) * 10 + digit(value, 9);
  const yy = digit(value, 10) * 10 + digit(value, 11);
  const female = rules.femaleDayOffset && day > 40;
  if (female) day -= 40;
  if (day < 1 || day > 31 || month < 1 || month > 12) return 'INVALID_DATE';
  const knownYear = rules.knownYear;
  const year =
    knownYear !== undefined && knownYear >= 0 && knownYear % 100 === yy
      ? knownYear
      : resolveCentury(yy, month, day, rules.referenceKey);
  // After the century: 29 February exists in 2000 but not in 1900.
  if (day > daysInMonth(year, month)) return 'INVALID_DATE';

  const serial = digit(value, 12) * 1000 + digit(value, 13) * 100 + digit(value, 14) * 10 + digit(value, 15);
  if (serial === 0) return 'SERIAL_ZERO';
  const districtKnown = regions.isKnownDistrict(district);
  if (!districtKnown && rules.requireKnownDistrict) return 'DISTRICT_UNKNOWN';

  decoded.province = province;
  decoded.regency = regency;
  decoded.district = district;
  decoded.districtKnown = districtKnown;
  decoded.year = year;
  decoded.month = month;
  decoded.day = day;
  decoded.female = female;
  decoded.serial = serial;
  return undefined;
}

/** The record filled by the last successful {@link decodePopulationNumber}. */
export function lastDecoded(): Readonly<DecodedPopulationNumber> {
  return decoded;
}

export interface EncodeInput {
  /** District code, dotted (`16.02.05`) or compact (`160205`). */
  districtCode: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** 1–9999, as a number or as its four digits. */
  serial: number | string;
  /** NIK of a woman: the day is written plus 40. */
  female: boolean;
  referenceKey: number;
  requireKnownDistrict: boolean;
}

function serialNumber(serial: number | string): number {
  if (typeof serial === 'number') return Number.isInteger(serial) ? serial : -1;
  return serial.length === 4 ? readDigits(serial, 0, 4) : -1;
}

export type EncodeResult = { ok: true; value: string } | { ok: false; fault: PopulationNumberFault };

/**
 * Writes a NIK or No. KK from its parts, or returns the rule the parts break. A date after the
 * reference date is refused: its two-digit year would read back a century earlier.
 */
export function encodePopulationNumber(input: EncodeInput, regions: RegionDirectory): EncodeResult {
  const district = normalizeRegionCode(input.districtCode);
  const serial = serialNumber(input.serial);
  if (district?.level !== RegionLevel.DISTRICT || serial < 0 || serial > 9999) return { ok: false, fault: 'FORMAT' };
  const code = Number(district.compact);
  if (!regions.isKnownProvince(Math.floor(code / 10000))) return { ok: false, fault: 'PROVINCE_UNKNOWN' };
  if (!regions.isKnownRegency(Math.floor(code / 100))) return { ok: false, fault: 'REGENCY_UNKNOWN' };
  const date = parseIsoDate(input.date);
  if (date === undefined) return { ok: false, fault: 'INVALID_DATE' };
  if (dateKey(date.year, date.month, date.day) > input.referenceKey) return { ok: false, fault: 'FUTURE_DATE' };
  if (serial === 0) return { ok: false, fault: 'SERIAL_ZERO' };
  if (input.requireKnownDistrict && !regions.isKnownDistrict(code)) return { ok: false, fault: 'DISTRICT_UNKNOWN' };
  const value =
    district.compact +
    twoDigits(input.female ? date.day + 40 : date.day) +
    twoDigits(date.month) +
    twoDigits(date.year % 100) +
    String(serial).padStart(4, '0');
  return { ok: true, value };
}
