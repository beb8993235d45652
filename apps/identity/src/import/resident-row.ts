import {
  BloodType,
  BLOOD_TYPE_LABELS,
  Citizenship,
  CITIZENSHIP_LABELS,
  dateKey,
  DOCUMENT_TEXT,
  DOCUMENT_TEXT_RULE,
  DomainError,
  EDUCATION_LIST,
  MaritalStatus,
  MARITAL_STATUS_LABELS,
  normalizeLabel,
  OCCUPATION_LIST,
  parseIsoDate,
  PersonStatus,
  PERSON_STATUS_LABELS,
  regionDirectory,
  Relationship,
  RELATIONSHIP_LABELS,
  Religion,
  RELIGION_LABELS,
  Sex,
  SEX_LABELS,
  todayKey,
  tryParseFamilyCardNumber,
  tryParseNik,
  type FieldError,
  type FamilyCardNumberErrorCode,
  type NikErrorCode,
} from '#lib/domain';
import { FAMILY_FIELDS, PERSON_FIELDS } from '#lib/contracts';

/**
 * One row of a registry import (API.md "Population registry"): the Person fields and the
 * Family fields, validated with the domain's rules and turned into what the registry stores.
 * Messages are in Bahasa Indonesia: the administrator who fixes the spreadsheet reads them.
 */
export const IMPORT_COLUMNS = [...PERSON_FIELDS, ...FAMILY_FIELDS] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const OPTIONAL_COLUMNS: ReadonlySet<ImportColumn> = new Set(['marriageDate', 'passportNumber', 'kitapNumber']);

/** A valid row as the registry stores it. */
export interface ResidentRow {
  line: number;
  nik: string;
  fullName: string;
  sex: Sex;
  birthPlace: string;
  birthDate: string;
  religion: Religion;
  education: string;
  occupation: string;
  bloodType: BloodType;
  maritalStatus: MaritalStatus;
  marriageDate: string | null;
  relationship: Relationship;
  citizenship: Citizenship;
  passportNumber: string | null;
  kitapNumber: string | null;
  fatherName: string;
  motherName: string;
  status: PersonStatus;
  familyCardNumber: string;
  address: string;
  rt: string;
  rw: string;
  villageCode: string;
  regencyCode: string;
  /** `null` from a SIAK export, which has no postal code: the registry's own is kept then. */
  postalCode: string | null;
}

export interface RowOptions {
  /** SIAK exports carry no postal code; the registry supplies one (import.repository.ts). */
  postalCodeOptional?: boolean;
}

export type RowResult = { ok: true; row: ResidentRow } | { ok: false; errors: FieldError[] };

/**
 * Reads the header's cells into the column of each position. Column names are the API's
 * (`familyCardNumber`), compared ignoring case and surrounding spaces; unknown, repeated and
 * missing required columns are refused with every problem listed.
 */
export function parseImportHeader(names: readonly string[]): ImportColumn[] {
  const byLowerName = new Map(IMPORT_COLUMNS.map((column) => [column.toLowerCase(), column]));
  const errors: FieldError[] = [];
  const columns: ImportColumn[] = [];
  names.forEach((name, index) => {
    const column = byLowerName.get(name.trim().toLowerCase());
    if (column === undefined)
      errors.push({ field: 'header', message: `Kolom ke-${index + 1} "${name}" tidak dikenal` });
    else if (columns.includes(column))
      errors.push({ field: 'header', message: `Kolom "${column}" muncul lebih dari sekali` });
    else columns.push(column);
  });
  for (const column of IMPORT_COLUMNS) {
    if (!OPTIONAL_COLUMNS.has(column) && !columns.includes(column)) {
      errors.push({ field: 'header', message: `Kolom wajib "${column}" tidak ada` });
    }
  }
  if (errors.length > 0) {
    throw new DomainError('VALIDATION.FAILED', 'Baris judul (header) CSV tidak sesuai', { errors });
  }
  return columns;
}

/** An enumeration by its API name or printed label, with every spelling looked up once. */
function lookup<V extends string>(values: Readonly<Record<string, V>>, labels: Readonly<Record<V, string>>) {
  const map = new Map<string, V>();
  for (const value of Object.values(values)) {
    map.set(normalizeLabel(value), value);
    map.set(normalizeLabel(labels[value]), value);
  }
  return (input: string): V | undefined => map.get(input) ?? map.get(normalizeLabel(input));
}

const SEX = lookup(Sex, SEX_LABELS);
const RELIGION = lookup(Religion, RELIGION_LABELS);
const BLOOD_TYPE = lookup(BloodType, BLOOD_TYPE_LABELS);
const MARITAL_STATUS = lookup(MaritalStatus, MARITAL_STATUS_LABELS);
const RELATIONSHIP = lookup(Relationship, RELATIONSHIP_LABELS);
const CITIZENSHIP = lookup(Citizenship, CITIZENSHIP_LABELS);
const STATUS = lookup(PersonStatus, PERSON_STATUS_LABELS);

const NIK_MESSAGES: Record<NikErrorCode, string> = {
  'NIK.FORMAT': 'NIK harus tepat 16 digit angka',
  'NIK.PROVINCE_UNKNOWN': 'Kode provinsi pada NIK tidak dikenal',
  'NIK.REGENCY_UNKNOWN': 'Kode kabupaten/kota pada NIK tidak dikenal',
  'NIK.DISTRICT_UNKNOWN': 'Kode kecamatan pada NIK tidak dikenal',
  'NIK.INVALID_DATE': 'Tanggal lahir pada NIK bukan tanggal yang sah',
  'NIK.FUTURE_DATE': 'Tanggal lahir pada NIK tidak boleh di masa depan',
  'NIK.SERIAL_ZERO': 'Nomor urut pada NIK tidak boleh 0000',
};

const KK_MESSAGES: Record<FamilyCardNumberErrorCode, string> = {
  'KK.FORMAT': 'Nomor KK harus tepat 16 digit angka',
  'KK.PROVINCE_UNKNOWN': 'Kode provinsi pada nomor KK tidak dikenal',
  'KK.REGENCY_UNKNOWN': 'Kode kabupaten/kota pada nomor KK tidak dikenal',
  'KK.DISTRICT_UNKNOWN': 'Kode kecamatan pada nomor KK tidak dikenal',
  'KK.INVALID_DATE': 'Tanggal pada nomor KK bukan tanggal yang sah',
  'KK.FUTURE_DATE': 'Tanggal pada nomor KK tidak boleh di masa depan',
  'KK.SERIAL_ZERO': 'Nomor urut pada nomor KK tidak boleh 0000',
};

const NAME = /^[\p{L}][\p{L}\p{M} .,'`-]*$/u;
const DIGITS = /^\d+$/;
const POSTAL_CODE = /^\d{5}$/;
const DOCUMENT_NUMBER = /^[A-Z0-9][A-Z0-9./-]{3,29}$/;
/** Whitespace other than single spaces: only then does collapsing runs of it change a text. */
const NOT_ONE_SPACE = /[^\S ]| {2}/;

/** The regency of a village given by its dotted code, or `undefined` when it is not one. */
function regencyOfVillage(villageText: string): string | undefined {
  const directory = regionDirectory();
  const village = directory.find(villageText, 'village');
  if (village === undefined || village.code !== villageText) return undefined;
  return directory.regencyOf(village.code)?.code;
}

/** Each import column's position in {@link IMPORT_COLUMNS}. */
const AT = Object.fromEntries(IMPORT_COLUMNS.map((column, index) => [column, index])) as Record<ImportColumn, number>;

/** Where each header position's values go, for the last header seen (a chunk's rows share one). */
let lastHeader: { columns: readonly ImportColumn[]; slots: Int8Array } | undefined;

function slotsOf(columns: readonly ImportColumn[]): Int8Array {
  if (lastHeader?.columns !== columns) {
    lastHeader = { columns, slots: Int8Array.from(columns, (column) => AT[column] ?? -1) };
  }
  return lastHeader.slots;
}

/**
 * One row's check: its trimmed non-empty values by column and the faults found so far, with the
 * rules as methods (one object a row, where closures over the row were nine; an import checks
 * millions of rows).
 */
class RowCheck {
  errors: FieldError[] | undefined;

  constructor(private readonly raw: ReadonlyArray<string | undefined>) {}

  value(field: ImportColumn): string | undefined {
    return this.raw[AT[field]];
  }

  fail(field: ImportColumn, message: string): undefined {
    (this.errors ??= []).push({ field, message });
    return undefined;
  }

  required(field: ImportColumn): string | undefined {
    return this.value(field) ?? this.fail(field, 'Wajib diisi');
  }

  text(field: ImportColumn, max: number, pattern?: RegExp, patternMessage?: string): string | undefined {
    const value = this.required(field);
    if (value === undefined) return undefined;
    const collapsed = NOT_ONE_SPACE.test(value) ? value.replace(/\s+/g, ' ') : value;
    if (collapsed.length > max) return this.fail(field, `Paling banyak ${max} karakter`);
    if (pattern !== undefined && !pattern.test(collapsed))
      return this.fail(field, patternMessage ?? 'Isinya tidak sah');
    return collapsed.toUpperCase();
  }

  name(field: ImportColumn): string | undefined {
    return this.text(field, 100, NAME, "Hanya boleh berisi huruf, spasi, dan tanda . , ' -");
  }

  choice<V>(field: ImportColumn, find: (input: string) => V | undefined, what: string): V | undefined {
    const value = this.required(field);
    if (value === undefined) return undefined;
    return find(value) ?? this.fail(field, `Bukan ${what} yang dikenal`);
  }

  pastDate(field: ImportColumn, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const date = parseIsoDate(value);
    if (date === undefined) return this.fail(field, 'Harus tanggal yang sah dengan format YYYY-MM-DD');
    if (dateKey(date.year, date.month, date.day) > todayKey()) return this.fail(field, 'Tidak boleh di masa depan');
    return value;
  }

  smallNumber(field: ImportColumn, width: number): string | undefined {
    const value = this.required(field);
    if (value === undefined) return undefined;
    if (!DIGITS.test(value) || value.length > width || Number(value) === 0) {
      return this.fail(field, `Harus angka 1 sampai ${'9'.repeat(width)}`);
    }
    return value.padStart(width, '0');
  }

  documentNumber(field: ImportColumn): string | null {
    const value = this.value(field)?.toUpperCase();
    if (value === undefined) return null;
    return DOCUMENT_NUMBER.test(value)
      ? value
      : (this.fail(field, 'Nomor dokumen tidak sah (4–30 huruf/angka)') ?? null);
  }
}

const matchEducation = (input: string): string | undefined => EDUCATION_LIST.match(input);
const matchOccupation = (input: string): string | undefined => OCCUPATION_LIST.match(input);

/** Validates one record against the header's columns. */
export function validateResidentRow(
  columns: readonly ImportColumn[],
  cells: readonly string[],
  line: number,
  options: RowOptions = {},
): RowResult {
  if (cells.length !== columns.length) {
    return {
      ok: false,
      errors: [
        { field: 'row', message: `Baris berisi ${cells.length} kolom, sedangkan header ${columns.length} kolom` },
      ],
    };
  }
  const slots = slotsOf(columns);
  const raw = new Array<string | undefined>(IMPORT_COLUMNS.length).fill(undefined);
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i].trim();
    if (value !== '' && slots[i] >= 0) raw[slots[i]] = value;
  }
  const check = new RowCheck(raw);

  const nikText = check.required('nik');
  const fullName = check.name('fullName');
  const sex = check.choice('sex', SEX, 'jenis kelamin (LAKI_LAKI atau PEREMPUAN)');
  const birthPlace = check.text('birthPlace', 100, DOCUMENT_TEXT, `Tempat lahir ${DOCUMENT_TEXT_RULE}`);
  const birthDate = check.pastDate('birthDate', check.required('birthDate'));
  const religion = check.choice('religion', RELIGION, 'agama');
  const education = check.choice('education', matchEducation, 'pendidikan dalam daftar SIAK');
  const occupation = check.choice('occupation', matchOccupation, 'pekerjaan dalam daftar SIAK');
  const bloodType = check.choice('bloodType', BLOOD_TYPE, 'golongan darah (A, B, AB, O dengan +/- atau TIDAK_TAHU)');
  const maritalStatus = check.choice('maritalStatus', MARITAL_STATUS, 'status perkawinan');
  const marriageDate = check.pastDate('marriageDate', check.value('marriageDate')) ?? null;
  const relationship = check.choice('relationship', RELATIONSHIP, 'status hubungan dalam keluarga');
  const citizenship = check.choice('citizenship', CITIZENSHIP, 'kewarganegaraan (WNI atau WNA)');
  const passportNumber = check.documentNumber('passportNumber');
  const kitapNumber = check.documentNumber('kitapNumber');
  const fatherName = check.name('fatherName');
  const motherName = check.name('motherName');
  const status = check.choice('status', STATUS, 'status penduduk (ACTIVE, DECEASED, MOVED_OUT)');
  const kkText = check.required('familyCardNumber');
  const address = check.text('address', 200, DOCUMENT_TEXT, `Alamat ${DOCUMENT_TEXT_RULE}`);
  const rt = check.smallNumber('rt', 3);
  const rw = check.smallNumber('rw', 3);
  const villageText = check.required('villageCode');
  const postalCode = options.postalCodeOptional ? check.value('postalCode') : check.required('postalCode');
  let nik: string | undefined;
  if (nikText !== undefined) {
    const birthYear = birthDate === undefined ? undefined : Number(birthDate.slice(0, 4));
    const parsed = tryParseNik(nikText, { birthYear });
    if (!parsed.ok) check.fail('nik', NIK_MESSAGES[parsed.code]);
    else {
      nik = nikText;
      if (birthDate !== undefined && parsed.value.birthDate !== birthDate) {
        check.fail('birthDate', 'Tidak sesuai dengan tanggal lahir yang tertulis pada NIK');
      }
      if (sex !== undefined && parsed.value.sex !== sex) {
        check.fail('sex', 'Tidak sesuai dengan NIK (tanggal lahir perempuan pada NIK ditambah 40)');
      }
    }
  }
  if (marriageDate !== null && birthDate !== undefined && marriageDate < birthDate) {
    check.fail('marriageDate', 'Tidak boleh sebelum tanggal lahir');
  }
  if (marriageDate !== null && maritalStatus === MaritalStatus.BELUM_KAWIN) {
    check.fail('marriageDate', 'Tidak boleh diisi untuk status BELUM KAWIN');
  }
  let familyCardNumber: string | undefined;
  if (kkText !== undefined) {
    const parsed = tryParseFamilyCardNumber(kkText);
    if (parsed.ok) familyCardNumber = kkText;
    else check.fail('familyCardNumber', KK_MESSAGES[parsed.code]);
  }
  let regencyCode: string | undefined;
  if (villageText !== undefined) {
    regencyCode = regencyOfVillage(villageText);
    if (regencyCode === undefined) {
      check.fail('villageCode', 'Bukan kode desa/kelurahan idn-area-data, contoh "16.02.05.1002"');
    }
  }
  if (postalCode !== undefined && !POSTAL_CODE.test(postalCode))
    check.fail('postalCode', 'Kode pos harus 5 digit angka');

  if (check.errors !== undefined) return { ok: false, errors: check.errors };
  return {
    ok: true,
    row: {
      line,
      nik: nik as string,
      fullName: fullName as string,
      sex: sex as Sex,
      birthPlace: birthPlace as string,
      birthDate: birthDate as string,
      religion: religion as Religion,
      education: education as string,
      occupation: occupation as string,
      bloodType: bloodType as BloodType,
      maritalStatus: maritalStatus as MaritalStatus,
      marriageDate,
      relationship: relationship as Relationship,
      citizenship: citizenship as Citizenship,
      passportNumber,
      kitapNumber,
      fatherName: fatherName as string,
      motherName: motherName as string,
      status: status as PersonStatus,
      familyCardNumber: familyCardNumber as string,
      address: address as string,
      rt: rt as string,
      rw: rw as string,
      villageCode: villageText as string,
      regencyCode: regencyCode as string,
      postalCode: postalCode ?? null,
    },
  };
}
