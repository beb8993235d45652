import {
  type CalendarDate,
  formatIsoDate,
  isRealDate,
  parseIsoDate,
  readDigits,
  twoDigits,
} from '../calendar/calendar-date.js';
import { DomainError } from '../errors/index.js';

/**
 * Numbers and dates in Indonesian words, upper case, as a Kutipan Akta Kelahiran prints them
 * ("DUA PULUH LIMA JANUARI DUA RIBU DUA PULUH ENAM", "anak ke-DUA"), and the two date formats
 * of Indonesian documents and SIAK exports ("25-01-2026", "25 Januari 2026").
 */

const UNITS = [
  '',
  'SATU',
  'DUA',
  'TIGA',
  'EMPAT',
  'LIMA',
  'ENAM',
  'TUJUH',
  'DELAPAN',
  'SEMBILAN',
  'SEPULUH',
  'SEBELAS',
];

// Largest first. "Se-" replaces "satu" only for seribu (and seratus/sepuluh/sebelas below a
// thousand); a million is "satu juta", never "sejuta", in official writing.
const SCALES: readonly [number, string][] = [
  [1e12, 'TRILIUN'],
  [1e9, 'MILIAR'],
  [1e6, 'JUTA'],
  [1e3, 'RIBU'],
];

export const MAX_NUMBER_IN_WORDS = 999_999_999_999_999;
/** `999.999.999.999.999`: thousands separated by dots, as Indonesian writes numbers. */
const MAX_NUMBER_IN_WORDS_TEXT = String(MAX_NUMBER_IN_WORDS).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

function belowThousand(n: number): string {
  if (n < 12) return UNITS[n];
  if (n < 20) return `${UNITS[n - 10]} BELAS`;
  if (n < 100) return join(`${UNITS[Math.floor(n / 10)]} PULUH`, UNITS[n % 10]);
  const hundreds = Math.floor(n / 100);
  return join(hundreds === 1 ? 'SERATUS' : `${UNITS[hundreds]} RATUS`, belowThousand(n % 100));
}

function join(head: string, tail: string): string {
  return tail === '' ? head : `${head} ${tail}`;
}

/** A whole number 0–999 999 999 999 999 in upper-case Indonesian words: 2026 → `DUA RIBU DUA PULUH ENAM`. */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_NUMBER_IN_WORDS) {
    throw new DomainError(
      'NUMBER.OUT_OF_RANGE',
      `Hanya bilangan bulat dari 0 sampai ${MAX_NUMBER_IN_WORDS_TEXT} yang dapat ditulis dengan huruf`,
    );
  }
  if (n === 0) return 'NOL';
  const words: string[] = [];
  let rest = n;
  for (const [scale, name] of SCALES) {
    const count = Math.floor(rest / scale);
    rest %= scale;
    if (count === 0) continue;
    words.push(count === 1 && scale === 1e3 ? 'SERIBU' : `${belowThousand(count)} ${name}`);
  }
  if (rest > 0) words.push(belowThousand(rest));
  return words.join(' ');
}

/** An ordinal as the birth certificate prints it: 2 → `ke-DUA` (so "anak ke-DUA"). */
export function ordinalToWords(n: number): string {
  if (!Number.isInteger(n) || n < 1)
    throw new DomainError('NUMBER.OUT_OF_RANGE', 'Bilangan urutan (ke-) dimulai dari 1');
  return `ke-${numberToWords(n)}`;
}

export const INDONESIAN_MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

function requireDate(isoDate: string): CalendarDate {
  const date = parseIsoDate(isoDate);
  if (date === undefined)
    throw new DomainError('DATE.INVALID', 'Tanggal ditulis YYYY-MM-DD dan harus tanggal yang sah');
  return date;
}

/** `2026-01-25` → `DUA PULUH LIMA JANUARI DUA RIBU DUA PULUH ENAM`. */
export function dateToWords(isoDate: string): string {
  const date = requireDate(isoDate);
  return `${numberToWords(date.day)} ${INDONESIAN_MONTHS[date.month - 1].toUpperCase()} ${numberToWords(date.year)}`;
}

export type IndonesianDateStyle = 'numeric' | 'long';

/** `2026-01-25` → `25-01-2026` (numeric) or `25 Januari 2026` (long). */
export function formatIndonesianDate(isoDate: string, style: IndonesianDateStyle = 'long'): string {
  const { year, month, day } = requireDate(isoDate);
  const yearText = String(year).padStart(4, '0');
  return style === 'numeric'
    ? `${twoDigits(day)}-${twoDigits(month)}-${yearText}`
    : `${day} ${INDONESIAN_MONTHS[month - 1]} ${yearText}`;
}

const MONTH_BY_NAME = new Map<string, number>(INDONESIAN_MONTHS.map((name, index) => [name.toUpperCase(), index + 1]));

/**
 * Reads a date as Indonesian documents and SIAK exports write it — `25-01-2026`, `25/01/2026`
 * or `25 Januari 2026` (any case) — into `YYYY-MM-DD`; `undefined` when it is not a real date.
 */
export function parseIndonesianDate(text: string): string | undefined {
  const trimmed = text.trim();
  let day: number;
  let month: number;
  let year: number;
  const separator = trimmed[2];
  if (trimmed.length === 10 && (separator === '-' || separator === '/') && trimmed[5] === separator) {
    day = readDigits(trimmed, 0, 2);
    month = readDigits(trimmed, 3, 2);
    year = readDigits(trimmed, 6, 4);
  } else {
    const parts = trimmed.split(/\s+/);
    if (parts.length !== 3 || parts[0].length > 2 || parts[2].length !== 4) return undefined;
    day = readDigits(parts[0], 0, parts[0].length);
    month = MONTH_BY_NAME.get(parts[1].toUpperCase()) ?? -1;
    year = readDigits(parts[2], 0, 4);
  }
  return year >= 1 && isRealDate(year, month, day) ? formatIsoDate(year, month, day) : undefined;
}
