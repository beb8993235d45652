import {
  normalizeLabel,
  parseIsoDate,
  regionDirectory,
  SIAK_EXPORT_COLUMNS,
  tryParseFamilyCardNumber,
  type FieldError,
  type Region,
} from '#lib/domain';
import { IMPORT_COLUMNS, type ImportColumn } from './resident-row.js';

const API_COLUMNS: ReadonlySet<string> = new Set(IMPORT_COLUMNS);

/**
 * SIAK's population export (the 37-column sheet an office's data leaves SIAK as, and OpenSID
 * imports): Indonesian headers ("Nomor KK", "NIK", "Nama Penduduk", "SHDK", …) mapped to the
 * API's fields as `siakExportColumns` in the domain's SIAK lists says, labels instead of API
 * names, dates as `DD-MM-YYYY`, and the district and village by name. A row is turned into the
 * API's columns here and then validated like any other import row; what cannot be turned
 * (a name that is no district or village of the importing regency, a date that is no date) is
 * rejected with the reason, under the header the administrator sees in the sheet.
 */

/** Headers as SIAK writes them, by their normalized spelling. */
const SIAK_COLUMNS = new Map(SIAK_EXPORT_COLUMNS.map((c) => [normalizeLabel(c.header), c]));
/** Not SIAK's, but accepted beside its columns: the registry needs a postal code for a new family. */
export const SIAK_POSTAL_CODE_HEADER = 'Kode Pos';
const DISTRICT = '(district name)';
const VILLAGE = '(village name)';

/** SIAK's header row: it starts with SIAK's first headers (case and spaces as `normalizeLabel`). */
export function isSiakHeader(cells: readonly string[]): boolean {
  return ['NOMOR KK', 'NIK', 'NAMA PENDUDUK'].every((h, i) => normalizeLabel(cells[i] ?? '') === h);
}

/**
 * The canonical SIAK header of each position (`''` for an empty one); every SIAK column must be
 * there once (SIAK always writes all 37), plus optionally `Kode Pos`.
 */
export function parseSiakHeader(cells: readonly string[]): { headers: string[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const headers: string[] = [];
  cells.forEach((cell, index) => {
    const normalized = normalizeLabel(cell);
    const header =
      SIAK_COLUMNS.get(normalized)?.header ??
      (normalized === normalizeLabel(SIAK_POSTAL_CODE_HEADER) ? SIAK_POSTAL_CODE_HEADER : undefined);
    if (normalized === '') {
      // Excel writes empty columns after the last one it was given: nothing to read there.
      headers.push('');
      return;
    }
    if (header === undefined) {
      errors.push({ field: 'header', message: `Kolom ke-${index + 1} "${cell}" bukan kolom ekspor SIAK` });
    } else if (headers.includes(header)) {
      errors.push({ field: 'header', message: `Kolom "${header}" muncul lebih dari sekali` });
    }
    headers.push(header ?? '');
  });
  for (const { header } of SIAK_EXPORT_COLUMNS) {
    if (!headers.includes(header)) errors.push({ field: 'header', message: `Kolom SIAK "${header}" tidak ada` });
  }
  return { headers, errors };
}

/** The SIAK header an API field comes from, to report a row's errors where the sheet has them. */
const HEADER_OF_FIELD = new Map<string, string>([
  ...SIAK_EXPORT_COLUMNS.filter((c) => c.field !== null && !c.field.startsWith('(')).map(
    (c) => [c.field as string, c.header] as [string, string],
  ),
  ['villageCode', 'Desa/Kel'],
  ['postalCode', SIAK_POSTAL_CODE_HEADER],
]);

export function siakFieldErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({ field: HEADER_OF_FIELD.get(e.field) ?? e.field, message: e.message }));
}

/** `DD-MM-YYYY` or `DD/MM/YYYY` (SIAK) or `YYYY-MM-DD` to `YYYY-MM-DD`; `undefined` otherwise. */
function isoDate(value: string): string | undefined {
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (dmy !== null) return `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** SIAK's words for a person's status and sex beside the API's labels (which match as they are). */
const STATUS_WORDS: Record<string, string> = { HIDUP: 'ACTIVE', MATI: 'DECEASED' };
const SEX_WORDS: Record<string, string> = { L: 'LAKI_LAKI', LK: 'LAKI_LAKI', P: 'PEREMPUAN', PR: 'PEREMPUAN' };

/**
 * SIAK before the 2019 lists wrote `KAWIN` and `CERAI HIDUP` without saying whether the marriage
 * or divorce is recorded; a deed number in the row says it is (DOMAIN.md: a recorded marriage
 * has a buku nikah / akta perkawinan).
 */
function maritalStatus(value: string, marriageDeed: string, divorceDeed: string): string {
  const label = normalizeLabel(value);
  if (label === 'KAWIN') return marriageDeed === '' ? 'KAWIN_BELUM_TERCATAT' : 'KAWIN_TERCATAT';
  if (label === 'CERAI HIDUP') return divorceDeed === '' ? 'CERAI_HIDUP_BELUM_TERCATAT' : 'CERAI_HIDUP_TERCATAT';
  return value;
}

interface RegencyNames {
  regency: Region;
  districts: Map<string, { district: Region; villages?: Map<string, Region[]> }>;
}

const byRegency = new Map<string, RegencyNames>();

function namesOf(regencyCode: string): RegencyNames | undefined {
  let names = byRegency.get(regencyCode);
  if (names === undefined) {
    const regency = regionDirectory().find(regencyCode, 'regency');
    if (regency === undefined) return undefined;
    names = {
      regency,
      districts: new Map(
        regionDirectory()
          .childrenOf(regency.code)
          .map((d) => [normalizeLabel(d.name), { district: d }]),
      ),
    };
    byRegency.set(regencyCode, names);
  }
  return names;
}

function villagesOf(entry: { district: Region; villages?: Map<string, Region[]> }): Map<string, Region[]> {
  if (entry.villages === undefined) {
    entry.villages = new Map();
    for (const village of regionDirectory().childrenOf(entry.district.code)) {
      const key = normalizeLabel(village.name);
      entry.villages.set(key, [...(entry.villages.get(key) ?? []), village]);
    }
  }
  return entry.villages;
}

export type SiakConversion =
  { ok: true; columns: ImportColumn[]; cells: string[] } | { ok: false; errors: FieldError[] };

/**
 * A SIAK row as the API's columns and cells. `regencyCode` is the importing office's regency
 * (the administrator's); without one, the regency of the row's No. KK.
 */
export function siakRowToImport(
  headers: readonly string[],
  cells: readonly string[],
  regencyCode: string | undefined,
): SiakConversion {
  if (cells.length !== headers.length) {
    return {
      ok: false,
      errors: [
        { field: 'row', message: `Baris berisi ${cells.length} kolom, sedangkan header ${headers.length} kolom` },
      ],
    };
  }
  const cell = (header: string): string => cells[headers.indexOf(header)]?.trim() ?? '';
  const errors: FieldError[] = [];
  const values = new Map<ImportColumn, string>();
  for (const column of SIAK_EXPORT_COLUMNS) {
    const field = column.field;
    // Parents' NIKs and deed numbers have no place in the registry's Person (API.md).
    if (field === null || !API_COLUMNS.has(field)) continue;
    values.set(field as ImportColumn, cell(column.header));
  }
  for (const [field, header] of [
    ['birthDate', 'Tanggal Lahir'],
    ['marriageDate', 'Tanggal Kwn'],
  ] as const) {
    const value = values.get(field) ?? '';
    if (value === '') continue;
    const iso = isoDate(value);
    if (iso === undefined || parseIsoDate(iso) === undefined)
      errors.push({ field: header, message: 'Harus tanggal yang sah dengan format DD-MM-YYYY' });
    else values.set(field, iso);
  }
  const status = normalizeLabel(values.get('status') ?? '');
  values.set('status', STATUS_WORDS[status] ?? values.get('status') ?? '');
  const sex = normalizeLabel(values.get('sex') ?? '');
  values.set('sex', SEX_WORDS[sex] ?? values.get('sex') ?? '');
  values.set(
    'maritalStatus',
    maritalStatus(values.get('maritalStatus') ?? '', cell('Nomor Akta Kawin'), cell('Nomor Akta Cerai')),
  );
  // SIAK keeps residents of Indonesia; foreigners with a KITAP have no column of their own.
  values.set('citizenship', 'WNI');
  values.set('postalCode', headers.includes(SIAK_POSTAL_CODE_HEADER) ? cell(SIAK_POSTAL_CODE_HEADER) : '');

  const kk = tryParseFamilyCardNumber(values.get('familyCardNumber') ?? '');
  const regency = regencyCode ?? (kk.ok ? kk.value.regencyCode : undefined);
  const districtName = cell(headerOf(DISTRICT));
  const villageName = cell(headerOf(VILLAGE));
  const names = regency === undefined ? undefined : namesOf(regency);
  if (names === undefined) {
    errors.push({ field: 'Kecamatan', message: 'Kabupaten/kota pengimpor tidak diketahui' });
  } else if (districtName === '') {
    errors.push({ field: 'Kecamatan', message: 'Wajib diisi' });
  } else {
    const district = names.districts.get(normalizeLabel(districtName));
    if (district === undefined) {
      errors.push({ field: 'Kecamatan', message: `Kecamatan "${districtName}" tidak ada di ${names.regency.name}` });
    } else if (villageName === '') {
      errors.push({ field: 'Desa/Kel', message: 'Wajib diisi' });
    } else {
      const villages = villagesOf(district).get(normalizeLabel(villageName)) ?? [];
      if (villages.length === 1) values.set('villageCode', villages[0].code);
      else if (villages.length === 0) {
        errors.push({
          field: 'Desa/Kel',
          message: `Desa/kelurahan "${villageName}" tidak ada di Kecamatan ${district.district.name}`,
        });
      } else {
        errors.push({
          field: 'Desa/Kel',
          message: `Nama desa/kelurahan "${villageName}" ada lebih dari satu di Kecamatan ${district.district.name}`,
        });
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, columns: [...values.keys()], cells: [...values.values()] };
}

function headerOf(field: string): string {
  return SIAK_EXPORT_COLUMNS.find((c) => c.field === field)?.header as string;
}
