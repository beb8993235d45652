import {
  BLOOD_TYPE_LABELS,
  type BloodType,
  CITIZENSHIP_LABELS,
  type Citizenship,
  formatIndonesianDate,
  MARITAL_STATUS_LABELS,
  type MaritalStatus,
  RELATIONSHIP_LABELS,
  type Relationship,
  RELIGION_LABELS,
  type Religion,
  SEX_LABELS,
  type Sex,
} from '#lib/domain';

/**
 * The print side of the domain's enums: documents show the official label, never the API name,
 * and an empty field as a dash as SIAK prints it (an empty cell reads like a printing fault).
 */

export const EMPTY_FIELD = '-';

export const sexLabel = (value: Sex): string => SEX_LABELS[value];
export const religionLabel = (value: Religion): string => RELIGION_LABELS[value];
export const maritalStatusLabel = (value: MaritalStatus): string => MARITAL_STATUS_LABELS[value];
export const relationshipLabel = (value: Relationship): string => RELATIONSHIP_LABELS[value];
export const citizenshipLabel = (value: Citizenship): string => CITIZENSHIP_LABELS[value];
export const bloodTypeLabel = (value: BloodType): string => BLOOD_TYPE_LABELS[value];

/** Upper case for names and places: documents print them in capitals whatever the registry holds. */
export function upper(value: string): string {
  return value.toLocaleUpperCase('id-ID');
}

/** An optional value, or the dash. */
export function orDash(value: string | undefined | null): string {
  return value === undefined || value === null || value.trim() === '' ? EMPTY_FIELD : value;
}

/** `2026-01-25` → `25-01-2026` (KK tables and "Dikeluarkan Tanggal"); absent → dash. */
export function numericDate(isoDate: string | undefined): string {
  return isoDate === undefined || isoDate === '' ? EMPTY_FIELD : formatIndonesianDate(isoDate, 'numeric');
}

/** RT and RW are printed with three digits (`001/002`), as the card's boxes expect. */
export function rtRw(rt: string, rw: string): string {
  const pad = (part: string): string => (/^\d{1,3}$/.test(part) ? part.padStart(3, '0') : part);
  return `${pad(rt)}/${pad(rw)}`;
}

/**
 * The issuing office's calendar date of an instant: what "Dikeluarkan Tanggal" prints. Ogan
 * Komering Ilir keeps WIB (Asia/Jakarta); a regency further east passes its own zone.
 */
export function issueDateOf(instant: Date, timeZone = 'Asia/Jakarta'): string {
  let format = issueDateFormats.get(timeZone);
  if (format === undefined) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    issueDateFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/**
 * One formatter per time zone (a handful): a new one per document loads ICU's zone and calendar
 * data again, 5 % of the documents service's main thread while issuing (CPU profile of
 * `npm run chaos`).
 */
const issueDateFormats = new Map<string, Intl.DateTimeFormat>();
