import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SubjectRecord } from './field-matching.js';

/** A row of SUBJECTS_QUERY: the check's position, the record's columns under SubjectRecord's names, and the address's. */
export interface SubjectRow extends Omit<SubjectRecord, 'address'> {
  i: number;
  address_line: string | null;
  rt: string | null;
  rw: string | null;
}

/**
 * The columns both reads return: the check's position (the NIK itself is not sent back: the
 * caller knows it by position), then the record named as SubjectRecord names it.
 */
const RECORD_COLUMNS = `k.i::int AS i, p.full_name AS "fullName", p.birth_date::text AS "birthDate",
         p.birth_place AS "birthPlace", p.sex, p.mother_name AS "motherName", p.status`;

/**
 * The NIKs of a group of checks, as one parameter: comma-separated (validated NIKs are 16
 * digits), split by PostgreSQL and numbered by position. Cheaper to write than node-pg's array
 * literal, which escapes every element.
 */
const KEYS = `unnest(string_to_array($1, ',')::char(16)[]) WITH ORDINALITY AS k(nik, i)`;

/**
 * The one read a verification makes of the registry: the people of a whole group of checks by
 * primary key, in one statement, each row numbered by the position of its check in the group
 * (`i`, from 1), with their current family's address (unique partial index). The keys are
 * joined as a list (one index probe per check), not `p.nik = ANY($1)`: for a batch of 1,000 the
 * planner judged a parallel sequential scan of `person` cheaper on a registry of 200,000
 * (EXPLAIN ANALYZE: 65–100 ms and three processes, against 30–45 ms in one for the probes, at
 * load 13; docs/benchmarks.md). A NIK checked twice in the group is read twice: rare, and cheaper
 * than removing duplicates and matching rows back by NIK in JavaScript (docs/benchmarks.md,
 * "Sixth round").
 */
export const SUBJECTS_QUERY = `
  SELECT ${RECORD_COLUMNS}, f.address AS address_line, f.rt, f.rw
    FROM ${KEYS}
    JOIN person p ON p.nik = k.nik
    LEFT JOIN family_membership m ON m.nik = p.nik AND m.left_at IS NULL
    LEFT JOIN family f ON f.family_card_number = m.family_card_number`;

/**
 * The same read without the family's address, for groups where no check compares it: one index
 * probe per NIK instead of three (PostgreSQL CPU for 1,000 NIKs on a 200k registry, load 17–18:
 * 0.0043–0.0048 ms per NIK against 0.0123–0.0132 with the address; docs/benchmarks.md). Its rows
 * are SubjectRecords as they come (no copy per person).
 */
export const PEOPLE_QUERY = `
  SELECT ${RECORD_COLUMNS}
    FROM ${KEYS}
    JOIN person p ON p.nik = k.nik`;

export function toSubjectRecord(row: SubjectRow): SubjectRecord {
  const record: SubjectRecord = {
    fullName: row.fullName,
    birthDate: row.birthDate,
    birthPlace: row.birthPlace,
    sex: row.sex,
    motherName: row.motherName,
    status: row.status,
  };
  if (row.address_line !== null) record.address = { line: row.address_line, rt: row.rt ?? '', rw: row.rw ?? '' };
  return record;
}

/** Between two records of PACKED_*, and between two fields of a record (ASCII RS and US). */
const RECORD_SEPARATOR = '\x1e';
const FIELD_SEPARATOR = '\x1f';

/**
 * The rows of PEOPLE_QUERY as one text: per record its position and columns, in the order of
 * RECORD_COLUMNS, joined by US, the records joined by RS (none: NULL), and how many there are.
 * node-pg parsed a DataRow message and seven strings per person (5.2–5.5 ms of identity's one
 * thread for 1,000 people); one text split in two passes takes 1.7–1.8 ms, PostgreSQL ≈ 1 ms
 * more (docs/benchmarks.md, "Eleventh round"). All the columns are NOT NULL: none is skipped.
 */
export const PACKED_PEOPLE_QUERY = `
  SELECT count(*)::int AS count,
         string_agg(concat_ws(E'\\x1f', k.i, p.full_name, p.birth_date, p.birth_place, p.sex, p.mother_name,
                              p.status), E'\\x1e') AS records
    FROM ${KEYS}
    JOIN person p ON p.nik = k.nik`;

/** The same for SUBJECTS_QUERY: four more fields, whether the person has an address (1/0) and its line, RT, RW. */
export const PACKED_SUBJECTS_QUERY = `
  SELECT count(*)::int AS count,
         string_agg(concat_ws(E'\\x1f', k.i, p.full_name, p.birth_date, p.birth_place, p.sex, p.mother_name,
                              p.status, (f.address IS NOT NULL)::int, coalesce(f.address, ''), coalesce(f.rt, ''),
                              coalesce(f.rw, '')), E'\\x1e') AS records
    FROM ${KEYS}
    JOIN person p ON p.nik = k.nik
    LEFT JOIN family_membership m ON m.nik = p.nik AND m.left_at IS NULL
    LEFT JOIN family f ON f.family_card_number = m.family_card_number`;

const PEOPLE_FIELDS = 7;
const SUBJECT_FIELDS = 11;

export interface PackedRecords {
  count: number;
  records: string | null;
}

/**
 * Fills `records` from a packed text, or says it cannot: a field holding US (nothing in the
 * registry should, but nothing in the schema forbids it) leaves a record with too many fields,
 * one holding RS one record too many, and a position that is not one of the group's is refused;
 * the caller then reads the rows as rows. So a value can never pose as a field or a record.
 */
export function unpackRecords(
  packed: PackedRecords,
  withAddress: boolean,
  records: Array<SubjectRecord | undefined>,
): boolean {
  if (packed.records === null) return packed.count === 0;
  const lines = packed.records.split(RECORD_SEPARATOR);
  if (lines.length !== packed.count) return false;
  const width = withAddress ? SUBJECT_FIELDS : PEOPLE_FIELDS;
  for (const line of lines) {
    const f = line.split(FIELD_SEPARATOR);
    const position = Number(f[0]);
    if (f.length !== width || !Number.isInteger(position) || position < 1 || position > records.length) {
      return false;
    }
    const record: SubjectRecord = {
      fullName: f[1],
      birthDate: f[2],
      birthPlace: f[3],
      sex: f[4],
      motherName: f[5],
      status: f[6],
    };
    if (withAddress && f[7] === '1') record.address = { line: f[8], rt: f[9], rw: f[10] };
    records[position - 1] = record;
  }
  return true;
}

/** 16-digit NIKs separated by commas: the list splits back into exactly the NIKs given. */
const NIK_LIST = /^\d{16}(?:,\d{16})*$/;

@Injectable()
export class VerificationRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The registry's record of each NIK, by position: `records[i]` is `niks[i]`'s, or undefined
   * when the registry has no such person. `withAddress`: whether the current family's address is
   * needed (some check compares it). A NIK that is not 16 digits would shift the positions, and is
   * refused before anything is read.
   */
  async findSubjects(niks: readonly string[], withAddress = true): Promise<Array<SubjectRecord | undefined>> {
    const records = new Array<SubjectRecord | undefined>(niks.length);
    if (niks.length === 0) return records;
    const list = niks.join(',');
    if (!NIK_LIST.test(list)) throw new Error('Only 16-digit NIKs can be read by position');
    const [packed] = await this.db.query<PackedRecords[]>(withAddress ? PACKED_SUBJECTS_QUERY : PACKED_PEOPLE_QUERY, [
      list,
    ]);
    if (unpackRecords(packed, withAddress, records)) return records;
    records.fill(undefined);
    if (withAddress) {
      const rows = await this.db.query<SubjectRow[]>(SUBJECTS_QUERY, [list]);
      for (const row of rows) records[row.i - 1] = toSubjectRecord(row);
    } else {
      const rows = await this.db.query<Array<SubjectRecord & { i: number }>>(PEOPLE_QUERY, [list]);
      for (const row of rows) records[row.i - 1] = row;
    }
    return records;
  }
}
