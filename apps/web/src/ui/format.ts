import { regionUtcOffsetHours } from '../../../../libs/domain/src/calendar/regional-date.js';
import { currentSession } from '../api/client';

const MONTHS = [
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
];

/** `2026-01-25` → `25 Januari 2026`. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return iso;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

const ZONE_NAMES = { 7: 'WIB', 8: 'WITA', 9: 'WIT' } as const;

/**
 * The region whose clock the pages show: the signed-in person's regency, else that of the
 * deployment's documents (16 = Sumatera Selatan, WIB). Never the reader's own device clock: the
 * PDF, the verification page and the app must show the same date.
 */
function regionOfReader(): string {
  return currentSession()?.account.regencyCode ?? '16';
}

/** A timestamp in the regency's local time (DOMAIN.md "Local dates"): `25 Januari 2026 14.05 WIB`. */
export function formatDateTime(iso: string | undefined, regionCode: string = regionOfReader()): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const offset = regionUtcOffsetHours(regionCode);
  const local = new Date(date.getTime() + offset * 3_600_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${pad(local.getUTCHours())}.${pad(local.getUTCMinutes())} ${ZONE_NAMES[offset]}`;
}

/** The region a document belongs to, from its number (a KK number or `1602-LU-…`): its clock. */
export function regionOfDocumentNumber(number: string): string {
  return number.replace(/\D/g, '').slice(0, 4) || '16';
}

/** The regency's local calendar date of a timestamp: `25 Januari 2026`. */
export function formatLocalDate(iso: string | undefined, regionCode: string = regionOfReader()): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const local = new Date(date.getTime() + regionUtcOffsetHours(regionCode) * 3_600_000);
  return `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
}

/** How long something has waited: `3 hari 4 jam`, `25 menit`. */
export function formatAge(seconds: number | undefined): string {
  if (seconds === undefined) return '—';
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days} hari ${hours} jam`;
  if (hours > 0) return `${hours} jam ${minutes} menit`;
  return `${Math.max(minutes, 0)} menit`;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1_048_576) return `${(bytes / 1_048_576).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** `1602********0003`: how screens show a NIK that is not the reader's own business in full. */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 4)}********${nik.slice(12)}` : '****************';
}
