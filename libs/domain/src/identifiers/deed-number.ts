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
 * Numbers of civil-registration deeds (akta), one shape for every kind (DOMAIN.md):
 * `RRRR-XX-DDMMYYYY-NNNN` — regency code, the kind's code, the registration date in the regency's
 * local date, and a serial per regency and day. A kind differs only in its codes, its error codes
 * and how it picks its code from the dates:
 * - akta kelahiran: `LU` (lahir umum) within 60 days of the birth, `LT` (lahir terlambat) after;
 * - akta kematian: `KM`.
 */
export const DeedKind = { BIRTH: 'BIRTH', DEATH: 'DEATH' } as const;
export type DeedKind = (typeof DeedKind)[keyof typeof DeedKind];

export const BirthRegistrationKind = { LU: 'LU', LT: 'LT' } as const;
export type BirthRegistrationKind = (typeof BirthRegistrationKind)[keyof typeof BirthRegistrationKind];

/** A birth registered more than this many days after it is a late registration (`LT`). */
export const LATE_BIRTH_REGISTRATION_AFTER_DAYS = 60;

/** `LU` when registered within 60 days of the birth, `LT` after that. */
export function birthRegistrationKind(birthDate: CalendarDate, registrationDate: CalendarDate): BirthRegistrationKind {
  return daysBetween(birthDate, registrationDate) > LATE_BIRTH_REGISTRATION_AFTER_DAYS
    ? BirthRegistrationKind.LT
    : BirthRegistrationKind.LU;
}

type ErrorPrefix = 'BIRTH_CERTIFICATE' | 'DEATH_CERTIFICATE';
export type DeedNumberErrorCode = Extract<ErrorCode, `${ErrorPrefix}.${string}`>;
export type BirthCertificateErrorCode = Extract<ErrorCode, `BIRTH_CERTIFICATE.${string}`>;
export type DeathCertificateErrorCode = Extract<ErrorCode, `DEATH_CERTIFICATE.${string}`>;

interface DeedDefinition {
  codes: readonly string[];
  errors: ErrorPrefix;
  /** The format as the office writes it, for messages. */
  pattern: string;
  /** `kelahiran` / `kematian`, for messages. */
  event: string;
  /** The kind's code for a registration on `registration` of an event on `event`. */
  codeFor(event: CalendarDate | undefined, registration: CalendarDate): string;
}

const DEEDS: Readonly<Record<DeedKind, DeedDefinition>> = {
  BIRTH: {
    codes: Object.values(BirthRegistrationKind),
    errors: 'BIRTH_CERTIFICATE',
    pattern: 'RRRR-LU-DDMMYYYY-NNNN (LT untuk pelaporan terlambat)',
    event: 'kelahiran',
    // The birth date is required for a birth (formatBirthCertificateNumber always gives it).
    codeFor: (birth, registration) => birthRegistrationKind(birth ?? registration, registration),
  },
  DEATH: {
    codes: ['KM'],
    errors: 'DEATH_CERTIFICATE',
    pattern: 'RRRR-KM-DDMMYYYY-NNNN',
    event: 'kematian',
    codeFor: () => 'KM',
  },
};

function message(deed: DeedDefinition, problem: 'FORMAT' | 'REGENCY_UNKNOWN' | 'INVALID_DATE' | 'SERIAL_ZERO'): string {
  switch (problem) {
    case 'FORMAT':
      return `Nomor akta ${deed.event} ditulis ${deed.pattern}`;
    case 'REGENCY_UNKNOWN':
      return `Kode kabupaten/kota pada nomor akta ${deed.event} tidak dikenal`;
    case 'INVALID_DATE':
      return `Tanggal pencatatan pada nomor akta ${deed.event} bukan tanggal yang sah`;
    case 'SERIAL_ZERO':
      return `Nomor urut pada nomor akta ${deed.event} tidak boleh 0000`;
  }
}

export interface DeedNumberParts {
  /** `16.02` */
  regencyCode: string;
  /** `LU`, `LT`, `KM` */
  code: string;
  /** `YYYY-MM-DD` */
  registrationDate: string;
  serial: string;
}

export type DeedNumberParseResult =
  { ok: true; value: DeedNumberParts } | { ok: false; code: DeedNumberErrorCode; message: string };

function failure(deed: DeedDefinition, problem: Parameters<typeof message>[1]): DeedNumberParseResult {
  return { ok: false, code: `${deed.errors}.${problem}`, message: message(deed, problem) };
}

function fail(deed: DeedDefinition, problem: Parameters<typeof message>[1], text = message(deed, problem)): never {
  throw new DomainError(`${deed.errors}.${problem}`, text);
}

export function tryParseDeedNumber(
  kind: DeedKind,
  value: unknown,
  options: { regions?: RegionDirectory } = {},
): DeedNumberParseResult {
  const deed = DEEDS[kind];
  if (typeof value !== 'string' || value.length !== 21 || value[4] !== '-' || value[7] !== '-' || value[16] !== '-') {
    return failure(deed, 'FORMAT');
  }
  const code = value.slice(5, 7);
  const regency = readDigits(value, 0, 4);
  const day = readDigits(value, 8, 2);
  const month = readDigits(value, 10, 2);
  const year = readDigits(value, 12, 4);
  const serial = readDigits(value, 17, 4);
  if (!deed.codes.includes(code) || regency < 0 || day < 0 || month < 0 || year < 0 || serial < 0) {
    return failure(deed, 'FORMAT');
  }
  const regions = options.regions ?? regionDirectory();
  if (!regions.isKnownRegency(regency)) return failure(deed, 'REGENCY_UNKNOWN');
  if (year < 1 || !isRealDate(year, month, day)) return failure(deed, 'INVALID_DATE');
  if (serial === 0) return failure(deed, 'SERIAL_ZERO');
  return {
    ok: true,
    value: {
      regencyCode: regions.dottedRegencyCode(regency),
      code,
      registrationDate: formatIsoDate(year, month, day),
      serial: value.slice(17),
    },
  };
}

/** Reads a deed number of `kind`; throws `<KIND>_CERTIFICATE.*` when it is not valid. */
export function parseDeedNumber(
  kind: DeedKind,
  value: unknown,
  options?: { regions?: RegionDirectory },
): DeedNumberParts {
  const result = tryParseDeedNumber(kind, value, options);
  if (!result.ok) throw new DomainError(result.code, result.message);
  return result.value;
}

export interface DeedNumberFields {
  /** `16.02` or `1602` */
  regencyCode: string;
  /** `YYYY-MM-DD`, the regency's local date of registration. */
  registrationDate: string;
  /** `YYYY-MM-DD` of the birth or death: the registration may not be before it. */
  eventDate?: string;
  /** 1–9999 */
  serial: number;
}

/** Writes the number of a new deed of `kind`; throws `<KIND>_CERTIFICATE.*` when the parts break a rule. */
export function formatDeedNumber(
  kind: DeedKind,
  fields: DeedNumberFields,
  options: { regions?: RegionDirectory } = {},
): string {
  const deed = DEEDS[kind];
  const regency = normalizeRegionCode(fields.regencyCode);
  if (
    regency?.level !== RegionLevel.REGENCY ||
    !Number.isInteger(fields.serial) ||
    fields.serial < 0 ||
    fields.serial > 9999
  ) {
    fail(deed, 'FORMAT');
  }
  if (!(options.regions ?? regionDirectory()).isKnownRegency(Number(regency.compact))) fail(deed, 'REGENCY_UNKNOWN');
  const registration = parseIsoDate(fields.registrationDate);
  const event = fields.eventDate === undefined ? undefined : parseIsoDate(fields.eventDate);
  if (
    registration === undefined ||
    (fields.eventDate !== undefined && (event === undefined || daysBetween(event, registration) < 0))
  ) {
    fail(
      deed,
      'INVALID_DATE',
      `Tanggal pencatatan harus tanggal yang sah dan tidak boleh sebelum tanggal ${deed.event}`,
    );
  }
  if (fields.serial === 0) fail(deed, 'SERIAL_ZERO');
  return [
    regency.compact,
    deed.codeFor(event, registration),
    twoDigits(registration.day) + twoDigits(registration.month) + String(registration.year).padStart(4, '0'),
    String(fields.serial).padStart(4, '0'),
  ].join('-');
}

// The two kinds under the names their callers use.

export interface BirthCertificateNumberParts {
  regencyCode: string;
  kind: BirthRegistrationKind;
  registrationDate: string;
  serial: string;
}
export type BirthCertificateNumberParseResult =
  { ok: true; value: BirthCertificateNumberParts } | { ok: false; code: BirthCertificateErrorCode; message: string };

/** Nomor akta kelahiran, `RRRR-LU-DDMMYYYY-NNNN` / `RRRR-LT-…`. */
export function tryParseBirthCertificateNumber(
  value: unknown,
  options?: { regions?: RegionDirectory },
): BirthCertificateNumberParseResult {
  const result = tryParseDeedNumber(DeedKind.BIRTH, value, options);
  if (!result.ok) return result as BirthCertificateNumberParseResult;
  const { code, ...rest } = result.value;
  return { ok: true, value: { ...rest, kind: code as BirthRegistrationKind } };
}

export function parseBirthCertificateNumber(
  value: unknown,
  options?: { regions?: RegionDirectory },
): BirthCertificateNumberParts {
  const { code, ...rest } = parseDeedNumber(DeedKind.BIRTH, value, options);
  return { ...rest, kind: code as BirthRegistrationKind };
}

export function isValidBirthCertificateNumber(value: unknown, options?: { regions?: RegionDirectory }): boolean {
  return tryParseDeedNumber(DeedKind.BIRTH, value, options).ok;
}

export interface BirthCertificateNumberFields {
  regencyCode: string;
  /** `YYYY-MM-DD`: decides `LU` or `LT`. */
  birthDate: string;
  /** `YYYY-MM-DD`, not before the birth. */
  registrationDate: string;
  serial: number;
}

export function formatBirthCertificateNumber(
  { birthDate, ...fields }: BirthCertificateNumberFields,
  options?: { regions?: RegionDirectory },
): string {
  return formatDeedNumber(DeedKind.BIRTH, { ...fields, eventDate: birthDate }, options);
}

export interface DeathCertificateNumberParts {
  regencyCode: string;
  registrationDate: string;
  serial: string;
}

/** Nomor akta kematian, `RRRR-KM-DDMMYYYY-NNNN`. */
export function tryParseDeathCertificateNumber(
  value: unknown,
  options?: { regions?: RegionDirectory },
): { ok: true; value: DeathCertificateNumberParts } | { ok: false; code: DeathCertificateErrorCode; message: string } {
  const result = tryParseDeedNumber(DeedKind.DEATH, value, options);
  if (!result.ok) return result as { ok: false; code: DeathCertificateErrorCode; message: string };
  const { code: _code, ...rest } = result.value;
  return { ok: true, value: rest };
}

export function parseDeathCertificateNumber(
  value: unknown,
  options?: { regions?: RegionDirectory },
): DeathCertificateNumberParts {
  const { code: _code, ...rest } = parseDeedNumber(DeedKind.DEATH, value, options);
  return rest;
}

export function isValidDeathCertificateNumber(value: unknown, options?: { regions?: RegionDirectory }): boolean {
  return tryParseDeedNumber(DeedKind.DEATH, value, options).ok;
}

export interface DeathCertificateNumberFields {
  regencyCode: string;
  /** `YYYY-MM-DD`, the regency's local date of registration. */
  registrationDate: string;
  /** `YYYY-MM-DD`: when given, the registration may not be before it. */
  dateOfDeath?: string;
  serial: number;
}

export function formatDeathCertificateNumber(
  { dateOfDeath, ...fields }: DeathCertificateNumberFields,
  options?: { regions?: RegionDirectory },
): string {
  return formatDeedNumber(DeedKind.DEATH, { ...fields, eventDate: dateOfDeath }, options);
}
