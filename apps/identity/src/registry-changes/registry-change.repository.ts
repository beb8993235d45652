import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EventSubjects, type RegistryChangeAppliedEvent } from '#lib/contracts';
import { Relationship, type MaritalStatus, type PersonStatus } from '#lib/domain';
import { enqueueEvent } from '#lib/platform/events';

/** An approved application as applied to the registry (one row per application). */
export interface AppliedChange {
  type: string;
  /** The families the change touched: each is reissued when it still has members. */
  familyCardNumbers: string[];
  /** The NIK a birth registration assigned. */
  childNik: string | null;
  appliedAt: Date;
}

/** What the writes of one application report. */
export interface ChangeResult {
  familyCardNumbers: string[];
  childNik?: string;
}

export interface NewPerson {
  nik: string;
  fullName: string;
  sex: string;
  birthPlace: string;
  birthDate: string;
  religion: string;
  education: string;
  occupation: string;
  bloodType: string;
  maritalStatus: string;
  citizenship: string;
  fatherName: string;
  motherName: string;
}

export interface FamilyFields {
  address: string;
  rt: string;
  rw: string;
  villageCode: string;
  regencyCode: string;
  postalCode: string;
}

/** A family as a registry change reads it: who is in it now, and how. */
export interface CurrentFamily {
  familyCardNumber: string;
  regencyCode: string;
  headNik: string | null;
  members: Array<{
    nik: string;
    birthDate: string;
    status: PersonStatus;
    maritalStatus: MaritalStatus;
    relationship: Relationship;
  }>;
}

export interface PersonChanges {
  education?: string;
  occupation?: string;
  maritalStatus?: string;
  marriageDate?: string;
}

/** The writes an approved application makes to the registry, and the record that it was made. */
@Injectable()
export class RegistryChangeRepository {
  constructor(private readonly db: DataSource) {}

  async findApplied(
    applicationId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<AppliedChange | undefined> {
    const rows = await manager.query<
      Array<{ type: string; family_card_numbers: string[]; child_nik: string | null; applied_at: Date }>
    >('SELECT type, family_card_numbers, child_nik, applied_at FROM registry_change WHERE application_id = $1', [
      applicationId,
    ]);
    const row = rows[0];
    return row
      ? {
          type: row.type,
          familyCardNumbers: row.family_card_numbers,
          childNik: row.child_nik,
          appliedAt: row.applied_at,
        }
      : undefined;
  }

  /** The identifier reserved for this application and purpose, assigning one the first time. */
  async reserveIdentifier(applicationId: string, purpose: string, assign: () => Promise<string>): Promise<string> {
    const read = async (): Promise<string | undefined> =>
      (
        await this.db.query<Array<{ value: string }>>(
          'SELECT value FROM registry_change_identifier WHERE application_id = $1 AND purpose = $2',
          [applicationId, purpose],
        )
      )[0]?.value;
    const existing = await read();
    if (existing) return existing;
    const value = await assign();
    await this.db.query(
      `INSERT INTO registry_change_identifier (application_id, purpose, value) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [applicationId, purpose, value],
    );
    return (await read()) ?? value;
  }

  /**
   * Runs the writes of one application in a transaction that also records it as applied; a
   * second run for the same application (a redelivery racing the first) waits on the
   * application's lock and then finds it applied.
   */
  async applyOnce(
    applicationId: string,
    type: string,
    write: (writer: RegistryWriter) => Promise<ChangeResult>,
  ): Promise<AppliedChange> {
    return this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `registry-change:${applicationId}`,
      ]);
      const again = await this.findApplied(applicationId, manager);
      if (again) return again;
      const result = await write(new SqlRegistryWriter(manager));
      const appliedAt = new Date();
      await manager.query(
        `INSERT INTO registry_change (application_id, type, applied_at, family_card_numbers, child_nik)
         VALUES ($1, $2, $3, $4::char(16)[], $5)`,
        [applicationId, type, appliedAt, result.familyCardNumbers, result.childNik ?? null],
      );
      return { type, familyCardNumbers: result.familyCardNumbers, childNik: result.childNik ?? null, appliedAt };
    });
  }

  /** Announces an applied change (the outbox keeps one copy however often it is announced). */
  async enqueueApplied(event: RegistryChangeAppliedEvent): Promise<void> {
    await this.db.transaction((manager) =>
      enqueueEvent(
        manager,
        EventSubjects.REGISTRY_CHANGE_APPLIED,
        event,
        `registry-change-applied:${event.applicationId}`,
      ),
    );
  }
}

/**
 * The registry writes an application type's change may make, inside the transaction that
 * records the application as applied. A type that needs another kind of write adds it here and
 * in `SqlRegistryWriter`.
 */
export interface RegistryWriter {
  insertPerson(person: NewPerson, at: Date): Promise<void>;
  insertFamily(familyCardNumber: string, fields: FamilyFields, at: Date): Promise<void>;
  /** Changes the fields given and marks the family changed (its KK is printed again). */
  updateFamily(familyCardNumber: string, fields: Partial<FamilyFields>, at: Date): Promise<void>;
  updatePerson(nik: string, changes: PersonChanges, at: Date): Promise<void>;
  /** Ends the person's current membership (if any) and returns the family they left. */
  leaveCurrentFamily(nik: string, at: Date): Promise<string | undefined>;
  join(familyCardNumber: string, nik: string, relationship: string, at: Date): Promise<void>;
  /** Current members of a family. */
  memberCount(familyCardNumber: string): Promise<number>;
  /** Names of people by NIK, for the child's parents. */
  fullNames(niks: string[]): Promise<Map<string, string>>;
  /** A family and its current members as the change sees them, locked until the transaction ends. */
  currentFamily(familyCardNumber: string): Promise<CurrentFamily | undefined>;
  /** A person's status (`DECEASED`). */
  setStatus(nik: string, status: PersonStatus, at: Date): Promise<void>;
  /** A member's new relationship in their family (the new head). */
  changeRelationship(familyCardNumber: string, nik: string, relationship: Relationship, at: Date): Promise<void>;
}

/** Registry writes inside one transaction, in SQL. */
class SqlRegistryWriter implements RegistryWriter {
  constructor(private readonly manager: EntityManager) {}

  async insertPerson(person: NewPerson, at: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO person (nik, full_name, sex, birth_place, birth_date, religion, education, occupation, blood_type,
                           marital_status, citizenship, father_name, mother_name, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'ACTIVE', $14, $14)`,
      [
        person.nik,
        person.fullName,
        person.sex,
        person.birthPlace,
        person.birthDate,
        person.religion,
        person.education,
        person.occupation,
        person.bloodType,
        person.maritalStatus,
        person.citizenship,
        person.fatherName,
        person.motherName,
        at,
      ],
    );
  }

  async insertFamily(familyCardNumber: string, fields: FamilyFields, at: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO family (family_card_number, address, rt, rw, village_code, regency_code, postal_code, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
      [
        familyCardNumber,
        fields.address,
        fields.rt,
        fields.rw,
        fields.villageCode,
        fields.regencyCode,
        fields.postalCode,
        at,
      ],
    );
  }

  async updateFamily(familyCardNumber: string, fields: Partial<FamilyFields>, at: Date): Promise<void> {
    await this.manager.query(
      `UPDATE family SET address = COALESCE($2, address), rt = COALESCE($3, rt), rw = COALESCE($4, rw),
              village_code = COALESCE($5, village_code), regency_code = COALESCE($6, regency_code),
              postal_code = COALESCE($7, postal_code), updated_at = $8
        WHERE family_card_number = $1`,
      [
        familyCardNumber,
        fields.address ?? null,
        fields.rt ?? null,
        fields.rw ?? null,
        fields.villageCode ?? null,
        fields.regencyCode ?? null,
        fields.postalCode ?? null,
        at,
      ],
    );
  }

  async updatePerson(nik: string, changes: PersonChanges, at: Date): Promise<void> {
    await this.manager.query(
      `UPDATE person SET education = COALESCE($2, education), occupation = COALESCE($3, occupation),
              marital_status = COALESCE($4, marital_status), marriage_date = COALESCE($5::date, marriage_date),
              updated_at = $6
        WHERE nik = $1`,
      [
        nik,
        changes.education ?? null,
        changes.occupation ?? null,
        changes.maritalStatus ?? null,
        changes.marriageDate ?? null,
        at,
      ],
    );
  }

  /** Ends the person's current membership (if any) and returns the family they left. */
  async leaveCurrentFamily(nik: string, at: Date): Promise<string | undefined> {
    const rows = await this.manager.query<Array<{ family_card_number: string }>>(
      // Wrapped in a SELECT: TypeORM hands back UPDATE ... RETURNING rows in another shape.
      `WITH ended AS (
         UPDATE family_membership SET left_at = $2 WHERE nik = $1 AND left_at IS NULL RETURNING family_card_number
       ) SELECT family_card_number FROM ended`,
      [nik, at],
    );
    return rows[0]?.family_card_number;
  }

  async join(familyCardNumber: string, nik: string, relationship: string, at: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO family_membership (family_card_number, nik, relationship, joined_at) VALUES ($1, $2, $3, $4)`,
      [familyCardNumber, nik, relationship, at],
    );
  }

  async memberCount(familyCardNumber: string): Promise<number> {
    const rows = await this.manager.query<Array<{ count: number }>>(
      'SELECT count(*)::int AS count FROM family_membership WHERE family_card_number = $1 AND left_at IS NULL',
      [familyCardNumber],
    );
    return rows[0]?.count ?? 0;
  }

  /** Names of people by NIK, for the child's parents. */
  async fullNames(niks: string[]): Promise<Map<string, string>> {
    const rows = await this.manager.query<Array<{ nik: string; full_name: string }>>(
      'SELECT nik, full_name FROM person WHERE nik = ANY($1::char(16)[])',
      [niks],
    );
    return new Map(rows.map((r) => [r.nik, r.full_name]));
  }

  /** A family and its current members as the change sees them, locked until the transaction ends. */
  async currentFamily(familyCardNumber: string): Promise<CurrentFamily | undefined> {
    const families = await this.manager.query<Array<{ regency_code: string }>>(
      'SELECT regency_code FROM family WHERE family_card_number = $1 FOR UPDATE',
      [familyCardNumber],
    );
    if (families[0] === undefined) return undefined;
    const members = await this.manager.query<
      Array<{ nik: string; birth_date: string; status: string; marital_status: string; relationship: string }>
    >(
      `SELECT p.nik, p.birth_date::text AS birth_date, p.status, p.marital_status, m.relationship
         FROM family_membership m JOIN person p ON p.nik = m.nik
        WHERE m.family_card_number = $1 AND m.left_at IS NULL
        ORDER BY p.nik`,
      [familyCardNumber],
    );
    return {
      familyCardNumber,
      regencyCode: families[0].regency_code,
      headNik: members.find((m) => m.relationship === (Relationship.KEPALA_KELUARGA as string))?.nik ?? null,
      members: members.map((m) => ({
        nik: m.nik,
        birthDate: m.birth_date,
        status: m.status as PersonStatus,
        maritalStatus: m.marital_status as MaritalStatus,
        relationship: m.relationship as Relationship,
      })),
    };
  }

  async setStatus(nik: string, status: PersonStatus, at: Date): Promise<void> {
    await this.manager.query('UPDATE person SET status = $2, updated_at = $3 WHERE nik = $1', [nik, status, at]);
  }

  /**
   * A membership is never edited in place (a KK printed earlier is printed again as it was): the
   * current one ends and one with the new relationship begins at the same moment.
   */
  async changeRelationship(familyCardNumber: string, nik: string, relationship: Relationship, at: Date): Promise<void> {
    await this.manager.query(
      'UPDATE family_membership SET left_at = $3 WHERE family_card_number = $1 AND nik = $2 AND left_at IS NULL',
      [familyCardNumber, nik, at],
    );
    await this.join(familyCardNumber, nik, relationship, at);
  }
}
