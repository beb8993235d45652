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
