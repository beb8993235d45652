// The same NIK, No. KK and date rules as the API, from libs/domain, with the domain's own
// messages in Bahasa Indonesia (one wording, in the API and on the page). The server checks again; these only save a round trip.
// They use the region directory main.tsx installs (browser-region-directory.ts).
import { tryParseNik } from '../../../../libs/domain/src/identifiers/nik.js';
import { tryParseFamilyCardNumber } from '../../../../libs/domain/src/identifiers/family-card-number.js';
import { parseIsoDate, todayIso } from '../../../../libs/domain/src/calendar/calendar-date.js';
import { installRegionDirectory } from '../../../../libs/domain/src/region/installed-region-directory.js';
import { browserRegionDirectory } from './browser-region-directory';
import type { Check } from './required';

// libs/domain does no I/O: the pages hand it the region lists the build bundled. Here, beside
// the only rules that need them, so the first screen (login) never downloads the lists.
installRegionDirectory(browserRegionDirectory());

export { checkRequired, type Check } from './required';

const OK: Check = {};

export function checkNik(value: string, options: { birthDate?: string } = {}): Check {
  if (value === '') return { error: 'NIK wajib diisi.' };
  const result = tryParseNik(value);
  if (!result.ok) return { error: `${result.message}.` };
  if (
    options.birthDate &&
    parseIsoDate(options.birthDate) &&
    result.value.birthDate.slice(2) !== options.birthDate.slice(2)
  ) {
    return { error: 'Tanggal lahir tidak sesuai dengan NIK.' };
  }
  if (!result.value.districtKnown)
    return {
      warning: 'Kode kecamatan NIK ini sudah tidak ada dalam daftar wilayah (mungkin pemekaran). NIK tetap berlaku.',
    };
  return OK;
}

export function checkFamilyCardNumber(value: string): Check {
  if (value === '') return { error: 'No. KK wajib diisi.' };
  const result = tryParseFamilyCardNumber(value);
  if (!result.ok) return { error: `${result.message}.` };
  if (!result.value.districtKnown)
    return { warning: 'Kode kecamatan No. KK ini sudah tidak ada dalam daftar wilayah.' };
  return OK;
}

/** A real `YYYY-MM-DD` date, not after today (Indonesian time) unless allowed. */
export function checkDate(value: string, options: { required?: boolean; allowFuture?: boolean } = {}): Check {
  if (value === '') return options.required === false ? OK : { error: 'Tanggal wajib diisi.' };
  if (parseIsoDate(value) === undefined) return { error: 'Tanggal tidak valid.' };
  if (!options.allowFuture && value > todayIso()) return { error: 'Tanggal tidak boleh di masa depan.' };
  return OK;
}

export function checkPassword(value: string): Check {
  if (value.length < 10) return { error: 'Kata sandi minimal 10 karakter.' };
  return OK;
}

export function checkDigits(value: string, length: number, label: string): Check {
  return new RegExp(`^\\d{${length}}$`).test(value) ? OK : { error: `${label} harus ${length} angka.` };
}

export { todayIso };
