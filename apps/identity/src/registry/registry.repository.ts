import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FamilyRow, FamilyWithMembers, PersonRow } from './registry.rows.js';

const PERSON_COLUMNS = `
  p.nik, p.full_name, p.sex, p.birth_place, p.birth_date::text AS birth_date, p.religion, p.education,
  p.occupation, p.blood_type, p.marital_status, p.marriage_date::text AS marriage_date, p.citizenship,
  p.passport_number, p.kitap_number, p.father_name, p.mother_name, p.status`;

/** Order of members on a KK: the head first, then spouse, children by age, others. */
const MEMBER_ORDER = `
  CASE m.relationship WHEN 'KEPALA_KELUARGA' THEN 0 WHEN 'SUAMI' THEN 1 WHEN 'ISTRI' THEN 1 WHEN 'ANAK' THEN 2
    WHEN 'MENANTU' THEN 3 WHEN 'CUCU' THEN 4 WHEN 'ORANG_TUA' THEN 5 WHEN 'MERTUA' THEN 6 ELSE 7 END,
  p.birth_date, p.nik`;

/** Reads of people, families and memberships. Writes come from the import and the seed. */
@Injectable()
export class RegistryRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * People with their current family, if any; unknown NIKs are left out. Someone who belongs to
   * no family any more (deceased, moved out) keeps the regency of the family they left last: its
   * staff still read their record.
   */
  async findPeople(niks: readonly string[]): Promise<PersonRow[]> {
    if (niks.length === 0) return [];
    return this.db.query<PersonRow[]>(
      `SELECT ${PERSON_COLUMNS}, m.relationship, m.family_card_number,
              COALESCE(f.regency_code, (
                SELECT lf.regency_code FROM family_membership lm JOIN family lf USING (family_card_number)
                 WHERE lm.nik = p.nik ORDER BY lm.left_at DESC LIMIT 1)) AS regency_code
         FROM person p
         LEFT JOIN family_membership m ON m.nik = p.nik AND m.left_at IS NULL
         LEFT JOIN family f ON f.family_card_number = m.family_card_number
        WHERE p.nik = ANY($1::char(16)[])
        ORDER BY p.nik`,
      [niks],
    );
  }

  async findPerson(nik: string): Promise<PersonRow | undefined> {
    return (await this.findPeople([nik]))[0];
  }

  /**
   * A family and its members: the current ones, or those of a past moment (`asOf`), so that a
   * KK printed then can be printed again as it was.
   */
  async findFamily(familyCardNumber: string, asOf?: Date): Promise<FamilyWithMembers | undefined> {
    const families = await this.db.query<FamilyRow[]>(
      `SELECT family_card_number, address, rt, rw, village_code, regency_code, postal_code
         FROM family WHERE family_card_number = $1`,
      [familyCardNumber],
    );
    const family = families[0];
    if (family === undefined) return undefined;
    const membership =
      asOf === undefined ? 'm.left_at IS NULL' : 'm.joined_at <= $3 AND (m.left_at IS NULL OR m.left_at > $3)';
    const members = await this.db.query<PersonRow[]>(
      `SELECT ${PERSON_COLUMNS}, m.relationship, m.family_card_number, $2::varchar AS regency_code
         FROM family_membership m
         JOIN person p ON p.nik = m.nik
        WHERE m.family_card_number = $1 AND ${membership}
        ORDER BY ${MEMBER_ORDER}`,
      asOf === undefined ? [familyCardNumber, family.regency_code] : [familyCardNumber, family.regency_code, asOf],
    );
    return { family, members };
  }

  /** The No. KK of the family a person belongs to now. */
  async findCurrentFamilyNumber(nik: string): Promise<string | undefined> {
    const rows = await this.db.query<Array<{ family_card_number: string }>>(
      `SELECT family_card_number FROM family_membership WHERE nik = $1 AND left_at IS NULL`,
      [nik],
    );
    return rows[0]?.family_card_number;
  }

  /** The regency of the family a person belongs to now. */
  async findCurrentRegency(nik: string): Promise<string | undefined> {
    const rows = await this.db.query<Array<{ regency_code: string }>>(
      `SELECT f.regency_code FROM family_membership m JOIN family f ON f.family_card_number = m.family_card_number
        WHERE m.nik = $1 AND m.left_at IS NULL`,
      [nik],
    );
    return rows[0]?.regency_code;
  }

  /** Whether the person is an ACTIVE current member of that family with that birth date. */
  async isActiveMember(nik: string, familyCardNumber: string, birthDate: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM person p
         JOIN family_membership m ON m.nik = p.nik AND m.left_at IS NULL
        WHERE p.nik = $1 AND m.family_card_number = $2 AND p.birth_date = $3::date AND p.status = 'ACTIVE'`,
      [nik, familyCardNumber, birthDate],
    );
    return rows.length > 0;
  }
}
