import type { ImportRejection } from '#lib/contracts';
import { copyLine } from './copy-text.js';
import { readCsv } from './csv-reader.js';
import type { ImportLayout } from './import-layout.js';
import {
  IMPORT_COLUMNS,
  validateResidentRow,
  type ImportColumn,
  type ResidentRow,
  type RowResult,
} from './resident-row.js';
import { siakFieldErrors, siakRowToImport } from './siak-row.js';

/** One chunk of an upload to read and check: plain data, so that a worker thread can do it. */
export interface ChunkCheckJob {
  layout: ImportLayout;
  text: string;
  /** The number of the chunk's first line in the file. */
  firstLine: number;
  /** The importing administrator's regency: SIAK's district and village names are read within it. */
  regencyCode?: string;
}

/**
 * A chunk's valid rows, column by column (what the regency check and staging need, and each
 * row's line of COPY text for `import_stage` without the session id), and its rejected lines.
 * Columns of strings cross between threads far cheaper than one object per row.
 */
export interface CheckedChunk {
  lines: number[];
  niks: string[];
  familyCardNumbers: string[];
  villageCodes: string[];
  regencyCodes: string[];
  /** A SIAK row has no postal code: the merge supplies one (import.repository.ts). */
  withoutPostalCode: boolean[];
  copyLines: string[];
  rejections: ImportRejection[];
}

const KNOWN_COLUMNS: ReadonlySet<string> = new Set(IMPORT_COLUMNS);

/** Reads a chunk's records and checks each with the domain's rules. */
export function checkChunk(job: ChunkCheckJob): CheckedChunk {
  const { records, faults } = readCsv(job.text, job.firstLine, job.layout.delimiter);
  const checked: CheckedChunk = {
    lines: [],
    niks: [],
    familyCardNumbers: [],
    villageCodes: [],
    regencyCodes: [],
    withoutPostalCode: [],
    copyLines: [],
    rejections: faults.map((fault) => ({ line: fault.line, errors: [{ field: 'row', message: fault.message }] })),
  };
  const columns =
    job.layout.format === 'api' ? job.layout.columns.filter((c): c is ImportColumn => KNOWN_COLUMNS.has(c)) : [];
  for (const record of records) {
    const result = checkRecord(job, columns, record.cells, record.line);
    if (!result.ok) {
      checked.rejections.push({ line: record.line, errors: result.errors });
      continue;
    }
    const row = result.row;
    checked.lines.push(row.line);
    checked.niks.push(row.nik);
    checked.familyCardNumbers.push(row.familyCardNumber);
    checked.villageCodes.push(row.villageCode);
    checked.regencyCodes.push(row.regencyCode);
    checked.withoutPostalCode.push(row.postalCode === null);
    checked.copyLines.push(stageLine(row));
  }
  return checked;
}

function checkRecord(job: ChunkCheckJob, columns: readonly ImportColumn[], cells: string[], line: number): RowResult {
  if (job.layout.format === 'api') return validateResidentRow(columns, cells, line);
  // Names of districts and villages are resolved within the importing administrator's regency.
  const converted = siakRowToImport(job.layout.headers, cells, job.regencyCode);
  if (!converted.ok) return converted;
  const result = validateResidentRow(converted.columns, converted.cells, line, { postalCodeOptional: true });
  return result.ok ? result : { ok: false, errors: siakFieldErrors(result.errors) };
}

/** The columns of `import_stage` after `import_id`, in the order of `stageLine`'s values. */
export const STAGE_COLUMNS = [
  'line',
  'nik',
  'full_name',
  'sex',
  'birth_place',
  'birth_date',
  'religion',
  'education',
  'occupation',
  'blood_type',
  'marital_status',
  'marriage_date',
  'relationship',
  'citizenship',
  'passport_number',
  'kitap_number',
  'father_name',
  'mother_name',
  'status',
  'family_card_number',
  'address',
  'rt',
  'rw',
  'village_code',
  'regency_code',
  'postal_code',
];

function stageLine(row: ResidentRow): string {
  return copyLine([
    row.line,
    row.nik,
    row.fullName,
    row.sex,
    row.birthPlace,
    row.birthDate,
    row.religion,
    row.education,
    row.occupation,
    row.bloodType,
    row.maritalStatus,
    row.marriageDate,
    row.relationship,
    row.citizenship,
    row.passportNumber,
    row.kitapNumber,
    row.fatherName,
    row.motherName,
    row.status,
    row.familyCardNumber,
    row.address,
    row.rt,
    row.rw,
    row.villageCode,
    row.regencyCode,
    row.postalCode,
  ]);
}
