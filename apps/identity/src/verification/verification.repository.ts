import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SubjectRecord } from './field-matching.js';

/** A row of SUBJECTS_QUERY: the record's columns under SubjectRecord's names, and the address's. */
export interface SubjectRow extends Omit<SubjectRecord, 'address'> {
  nik: string;
  address_line: string | null;
  rt: string | null;
  rw: string | null;
}

/** The columns both reads return, named as SubjectRecord names them. */
const RECORD_COLUMNS = `p.nik, p.full_name AS "fullName", p.birth_date::text AS "birthDate", p.birth_place AS "birthPlace",
         p.sex, p.mother_name AS "motherName", p.status`;

/**
 * The one read a verification makes of the registry: the people of a whole group of checks by
 * primary key, in one statement, with their current family's address (unique partial index).
 * The keys come as an array joined by `unnest` (one index probe per NIK), not `p.nik = ANY($1)`:
 * for a batch of 1,000 the planner judged a parallel sequential scan of `person` cheaper on a
 * registry of 200,000 (EXPLAIN ANALYZE: 65–100 ms and three processes, against 30–45 ms in one
 * for the probes, at load 13; docs/benchmarks.md). The NIKs must be distinct (the caller's Set).
 */
export const SUBJECTS_QUERY = `
  SELECT ${RECORD_COLUMNS}, f.address AS address_line, f.rt, f.rw
    FROM unnest($1::char(16)[]) AS k(nik)
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
    FROM unnest($1::char(16)[]) AS k(nik)
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

@Injectable()
export class VerificationRepository {
  constructor(private readonly db: DataSource) {}

  /** `withAddress`: whether the current family's address is needed (some check compares it). */
  async findSubjects(niks: readonly string[], withAddress = true): Promise<Map<string, SubjectRecord>> {
    const found = new Map<string, SubjectRecord>();
    if (niks.length === 0) return found;
    if (withAddress) {
      const rows = await this.db.query<SubjectRow[]>(SUBJECTS_QUERY, [niks]);
      for (const row of rows) found.set(row.nik, toSubjectRecord(row));
    } else {
      const rows = await this.db.query<Array<SubjectRecord & { nik: string }>>(PEOPLE_QUERY, [niks]);
      for (const row of rows) found.set(row.nik, row);
    }
    return found;
  }
}
