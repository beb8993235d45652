import type { EntityManager } from 'typeorm';
import type { DeathFamily, MaritalStatus, PersonStatus, Relationship } from '#lib/domain';

/**
 * The registry writes of a death, inside the transaction of the registry change (the
 * `RegistryWriter`'s manager): the family as it stands, the person's status, and a member's new
 * relationship.
 */
export class DeathRegistryWriter {
  constructor(private readonly manager: EntityManager) {}

  /** The family and its current members, locked until the transaction ends. */
  async family(familyCardNumber: string): Promise<DeathFamily | undefined> {
    const families = await this.manager.query<Array<{ regency_code: string }>>(
      'SELECT regency_code FROM family WHERE family_card_number = $1 FOR UPDATE',
      [familyCardNumber],
    );
    if (families[0] === undefined) return undefined;
    const members = await this.manager.query<
      Array<{
        nik: string;
        birth_date: string;
        status: PersonStatus;
        marital_status: MaritalStatus;
        relationship: Relationship;
      }>
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
      headNik: members.find((m) => m.relationship === 'KEPALA_KELUARGA')?.nik ?? null,
      members: members.map((m) => ({
        nik: m.nik,
        birthDate: m.birth_date,
        status: m.status,
        maritalStatus: m.marital_status,
        relationship: m.relationship,
      })),
    };
  }

  async setStatus(nik: string, status: PersonStatus, at: Date): Promise<void> {
    await this.manager.query('UPDATE person SET status = $2, updated_at = $3 WHERE nik = $1', [nik, status, at]);
  }

  /**
   * A membership is never edited in place (a KK printed earlier is printed again as it was): the
   * current one ends and a new one with the new relationship begins at the same moment.
   */
  async changeRelationship(familyCardNumber: string, nik: string, relationship: Relationship, at: Date): Promise<void> {
    await this.manager.query(
      'UPDATE family_membership SET left_at = $3 WHERE family_card_number = $1 AND nik = $2 AND left_at IS NULL',
      [familyCardNumber, nik, at],
    );
    await this.manager.query(
      'INSERT INTO family_membership (family_card_number, nik, relationship, joined_at) VALUES ($1, $2, $3, $4)',
      [familyCardNumber, nik, relationship, at],
    );
  }
}
