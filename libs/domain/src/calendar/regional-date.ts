import { formatIsoDate } from './calendar-date.js';

/**
 * A regency's own local date (DOMAIN.md "Local dates"): its documents, registration dates and
 * the serials of its certificate numbers follow the clock on the office wall, which is WIB
 * (UTC+7) for Sumatera, Jawa, Kalimantan Barat and Tengah, WITA (UTC+8) for Bali, Nusa Tenggara,
 * Kalimantan Selatan, Timur and Utara and Sulawesi, WIT (UTC+9) for Maluku and Papua — by
 * province code.
 */

const WITA_PROVINCES: ReadonlySet<string> = new Set([
  '51',
  '52',
  '53',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
]);
const HOUR_MS = 3_600_000;

/** Hours ahead of UTC of the zone of a region code (`16.02`, `1602`, `81.71.01`, ...). */
export function regionUtcOffsetHours(regionCode: string): 7 | 8 | 9 {
  const province = regionCode.slice(0, 2);
  if (province.startsWith('8') || province.startsWith('9')) return 9;
  return WITA_PROVINCES.has(province) ? 8 : 7;
}

/** The calendar date (`YYYY-MM-DD`) at `instantMs` where the region is. */
export function regionLocalDate(regionCode: string, instantMs: number = Date.now()): string {
  const shifted = new Date(instantMs + regionUtcOffsetHours(regionCode) * HOUR_MS);
  return formatIsoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}
