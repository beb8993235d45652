import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A membership's person and family are checked once per statement instead of once per row.
 *
 * The two foreign keys of `family_membership` checked each inserted row by its own probe of
 * `person` and of `family`, each taking a row lock (`FOR KEY SHARE`, a write to the parent's
 * page): on a first import of 1M rows, 10.4 of the memberships' 17.2 s (EXPLAIN ANALYZE), a
 * quarter of the whole import, to confirm parents the same transaction had just written. Now an
 * AFTER trigger per statement looks the statement's new rows up in one anti-join each (planned
 * for the rows at hand: index probes for a birth's one row, a hash join for an import's million)
 * and refuses the statement with SQLSTATE 23503, as the foreign key did.
 *
 * The row locks were there so that a parent could not be deleted, or its number changed, while a
 * membership pointing at it was being written. A person or a family in the registry is a legal
 * record: a death or a move is a status and a new membership, never a deletion. So `person` and
 * `family` now refuse DELETE, TRUNCATE and a change of their number outright (SQLSTATE 23001),
 * for every role that cannot disable the triggers — the services run as a role that does not own
 * the tables (docs/security.md) — and no parent can vanish under a membership.
 */
export class MembershipParentsByStatement1768700000000 implements MigrationInterface {
  name = 'MembershipParentsByStatement1768700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE family_membership DROP CONSTRAINT family_membership_family_card_number_fkey`);
    await db.query(`ALTER TABLE family_membership DROP CONSTRAINT family_membership_nik_fkey`);
    // EXECUTE plans each check for the statement's own number of rows (a cached plan made for
    // one row would probe a million times; one made for a million would scan the registry for
    // every birth).
    await db.query(`
      CREATE FUNCTION family_membership_parents_exist() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE missing text;
      BEGIN
        EXECUTE 'SELECT n.nik FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.nik = n.nik) LIMIT 1'
          INTO missing;
        IF missing IS NOT NULL THEN
          RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'family_membership_nik_parent',
            MESSAGE = 'family_membership refers to a person not in the registry';
        END IF;
        EXECUTE 'SELECT n.family_card_number FROM new_rows n
                  WHERE NOT EXISTS (SELECT 1 FROM family f WHERE f.family_card_number = n.family_card_number) LIMIT 1'
          INTO missing;
        IF missing IS NOT NULL THEN
          RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'family_membership_family_parent',
            MESSAGE = 'family_membership refers to a family not in the registry';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER family_membership_parents_on_insert AFTER INSERT ON family_membership
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION family_membership_parents_exist()`);
    await db.query(`
      CREATE TRIGGER family_membership_parents_on_update AFTER UPDATE ON family_membership
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION family_membership_parents_exist()`);
    await db.query(`
      CREATE FUNCTION registry_record_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
          MESSAGE = format('%s rows are never deleted and keep their number (a death or a move is a status)', TG_TABLE_NAME);
      END $$`);
    for (const [table, key] of [
      ['person', 'nik'],
      ['family', 'family_card_number'],
    ]) {
      await db.query(`
        CREATE TRIGGER ${table}_kept BEFORE DELETE OR UPDATE OF ${key} ON ${table}
          FOR EACH ROW EXECUTE FUNCTION registry_record_kept()`);
      await db.query(`
        CREATE TRIGGER ${table}_not_truncated BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION registry_record_kept()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['person', 'family']) {
      await db.query(`DROP TRIGGER IF EXISTS ${table}_not_truncated ON ${table}`);
      await db.query(`DROP TRIGGER IF EXISTS ${table}_kept ON ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS registry_record_kept()`);
    await db.query(`DROP TRIGGER IF EXISTS family_membership_parents_on_update ON family_membership`);
    await db.query(`DROP TRIGGER IF EXISTS family_membership_parents_on_insert ON family_membership`);
    await db.query(`DROP FUNCTION IF EXISTS family_membership_parents_exist()`);
    await db.query(`
      ALTER TABLE family_membership
        ADD CONSTRAINT family_membership_family_card_number_fkey
          FOREIGN KEY (family_card_number) REFERENCES family (family_card_number),
        ADD CONSTRAINT family_membership_nik_fkey FOREIGN KEY (nik) REFERENCES person (nik)`);
  }
}
