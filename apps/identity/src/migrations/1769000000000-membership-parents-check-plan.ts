import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The memberships' parent check (migration 1768700000000) planned for all of the statement's
 * rows, not for its first missing one.
 *
 * Each of its two queries ended in `LIMIT 1`: "give me one membership whose person is missing".
 * A limit tells the planner that the first row ends the query, and with no statistics on the
 * statement's new rows it expects most to be missing, so it chose a nested loop of one index
 * probe per row, expecting to stop early. A check that passes finds nothing and so reads every
 * row: on a first import of 1,000,001 memberships the trigger took 5.3 s (EXPLAIN ANALYZE), a
 * fifth of the whole merge. Without the limit the same query is planned for its full result: a
 * hash anti-join for an import's million rows (≈ 1.0 s for both checks), still an index probe for
 * a birth's one row. `EXECUTE … INTO` keeps the first row it gets, so a failing check still
 * stops at the first missing parent it finds.
 */
export const MEMBERSHIP_PERSON_CHECK = `SELECT n.nik FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.nik = n.nik)`;
export const MEMBERSHIP_FAMILY_CHECK = `SELECT n.family_card_number FROM new_rows n
                  WHERE NOT EXISTS (SELECT 1 FROM family f WHERE f.family_card_number = n.family_card_number)`;

function parentsExist(personCheck: string, familyCheck: string): string {
  return `
    CREATE OR REPLACE FUNCTION family_membership_parents_exist() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE missing text;
    BEGIN
      EXECUTE '${personCheck}' INTO missing;
      IF missing IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'family_membership_nik_parent',
          MESSAGE = 'family_membership refers to a person not in the registry';
      END IF;
      EXECUTE '${familyCheck}' INTO missing;
      IF missing IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'family_membership_family_parent',
          MESSAGE = 'family_membership refers to a family not in the registry';
      END IF;
      RETURN NULL;
    END $$`;
}

export class MembershipParentsCheckPlan1769000000000 implements MigrationInterface {
  name = 'MembershipParentsCheckPlan1769000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(parentsExist(MEMBERSHIP_PERSON_CHECK, MEMBERSHIP_FAMILY_CHECK));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(parentsExist(`${MEMBERSHIP_PERSON_CHECK} LIMIT 1`, `${MEMBERSHIP_FAMILY_CHECK} LIMIT 1`));
  }
}
