/**
 * Calendar dates as the registry uses them: plain `YYYY-MM-DD` strings (API.md) with no time
 * and no time zone. Working on integers instead of `Date` objects keeps the identifier parsers
 * free of allocations and of the host's time zone.
 */

/** A calendar date as three integers; month 1–12, day 1–31. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

// Indonesia spans UTC+7 (WIB) to UTC+9 (WIT). "Today" for a rule such as "a birth date is never
// in the future" is the latest local date anywhere in the country, so a child born just after
// midnight in Jayapura is never judged unborn by a server running on UTC.
const INDONESIA_LATEST_OFFSET_MS = 9 * 60 * 60 * 1000;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month];
}

/** True for a real day of the Gregorian calendar (29 February only in leap years). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `YYYYMMDD` as one integer: dates compare as numbers without building strings or objects. */
export function dateKey(year: number, month: number, day: number): number {
  return year * 10000 + month * 100 + day;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : String(n)));

/** `-MM-DD` for every month and day, so building an ISO date is one concatenation. */
const MONTH_DAY_SUFFIX: readonly string[] = Array.from(
  { length: 13 * 32 },
  (_, i) => `-${TWO_DIGITS[Math.floor(i / 32) % 100]}-${TWO_DIGITS[i % 32]}`,
);

export function formatIsoDate(year: number, month: number, day: number): string {
  const yearText = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return yearText + MONTH_DAY_SUFFIX[month * 32 + day];
}

/** Two decimal digits, zero-padded (`7` → `07`), for 0–99. */
export function twoDigits(value: number): string {
  return TWO_DIGITS[value];
}

function digitAt(text: string, index: number): number {
  const digit = text.charCodeAt(index) - 48;
  return digit >= 0 && digit <= 9 ? digit : -1;
}

/** Reads `count` ASCII digits at `start` as a number, or -1 when any of them is not a digit. */
export function readDigits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = digitAt(text, i);
    if (digit < 0) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Parses a strict `YYYY-MM-DD` real calendar date (the API's date format). Anything else —
 * other separators, missing zeros, 31 April, a time part — is `undefined`.
 */
export function parseIsoDate(text: unknown): CalendarDate | undefined {
  if (typeof text !== 'string' || text.length !== 10 || text[4] !== '-' || text[7] !== '-') return undefined;
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 2);
  const day = readDigits(text, 8, 2);
  if (year < 1 || !isRealDate(year, month, day)) return undefined;
  return { year, month, day };
}

/** The calendar date of an instant in Indonesia's easternmost zone (see above). */
export function indonesianDateOf(instantMs: number): CalendarDate {
  const shifted = new Date(instantMs + INDONESIA_LATEST_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

let cachedTodayKey = 0;
let cachedTodayValidUntil = -Infinity;
/** The instant `atOneInstant` holds while its function runs. */
let heldNowMs: number | undefined;

/**
 * Runs `judge` with the clock read once: every `todayKey()` and `todayIso()` without an explicit
 * instant inside it (every date and NIK of one message, judged by the compiled validation)
 * answers for the same instant. A batch of 1,000 checks asked the clock 2,000 times (≈ 0.2 µs
 * each on a virtual machine), and a batch that crossed midnight was judged by two different days.
 */
export function atOneInstant<T>(judge: () => T, nowMs: number = Date.now()): T {
  const outer = heldNowMs;
  heldNowMs = nowMs;
  try {
    return judge();
  } finally {
    heldNowMs = outer;
  }
}

/**
 * Today's date key (`YYYYMMDD`) in Indonesia. Cached until the next local midnight because
 * identifier parsers ask for it on every call and must not allocate a `Date` each time.
 */
export function todayKey(nowMs: number = heldNowMs ?? Date.now()): number {
  if (nowMs >= cachedTodayValidUntil || nowMs < cachedTodayValidUntil - MS_PER_DAY) {
    const today = indonesianDateOf(nowMs);
    cachedTodayKey = dateKey(today.year, today.month, today.day);
    const localMs = nowMs + INDONESIA_LATEST_OFFSET_MS;
    cachedTodayValidUntil = nowMs + (MS_PER_DAY - (((localMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY));
  }
  return cachedTodayKey;
}

/** Today in Indonesia as `YYYY-MM-DD`. */
export function todayIso(nowMs: number = heldNowMs ?? Date.now()): string {
  const key = todayKey(nowMs);
  return formatIsoDate(Math.floor(key / 10000), Math.floor(key / 100) % 100, key % 100);
}

/**
 * Resolves a reference date given as `YYYY-MM-DD` or a `Date` (read in Indonesia's easternmost
 * zone) to a date key; without one, today.
 */
export function referenceDateKey(reference: string | Date | undefined): number {
  if (reference === undefined) return todayKey();
  if (typeof reference === 'string') {
    const date = parseIsoDate(reference);
    if (date === undefined) throw new RangeError(`Reference date must be YYYY-MM-DD, got "${reference}"`);
    return dateKey(date.year, date.month, date.day);
  }
  const time = reference.getTime();
  if (Number.isNaN(time)) throw new RangeError('Reference date is an invalid Date');
  const date = indonesianDateOf(time);
  return dateKey(date.year, date.month, date.day);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / MS_PER_DAY,
  );
}

/**
 * The full year for a two-digit year `yy` with the given month and day: the latest century that
 * does not put the date after the reference date (DOMAIN.md, NIK century rule).
 */
export function resolveCentury(yy: number, month: number, day: number, referenceKey: number): number {
  const referenceYear = Math.floor(referenceKey / 10000);
  let year = referenceYear - (referenceYear % 100) + yy;
  if (dateKey(year, month, day) > referenceKey) year -= 100;
  return year;
}
