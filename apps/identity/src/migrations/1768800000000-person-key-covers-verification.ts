import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The columns a verification compares, carried in the registry's primary key (`INCLUDE`), so
 * that reading a group of checks is an index-only scan: three buffer visits per NIK instead of
 * four, and no heap tuple to fetch and take apart. PostgreSQL's CPU for 1,000 people by NIK on a
 * registry of 1M: 8.6–9.2 ms → 5.4–6.9 ms (docs/benchmarks.md, "Eleventh round").
 *
 * The price, written down in docs/scaling.md: the key grows from ≈ 51 to ≈ 99 MB per million
 * residents; a first import is ≈ 10–17 % slower (its merge writes the wider entries; three
 * alternated runs, docs/benchmarks.md); an update of a covered column (a name corrected, a
 * death) is no longer a HOT update;
 * a page changed since the last VACUUM is read from the heap as before (autovacuum marks it
 * all-visible again). Nothing references the key (memberships check their person by trigger,
 * migration 1768700000000), so it is replaced in place. On a registry already in production,
 * build `CREATE UNIQUE INDEX CONCURRENTLY … INCLUDE (…)` first and swap it in with
 * `ADD CONSTRAINT person_pkey PRIMARY KEY USING INDEX`, so that the table is not locked while the
 * index is built.
 */
export class PersonKeyCoversVerification1768800000000 implements MigrationInterface {
  name = 'PersonKeyCoversVerification1768800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE person DROP CONSTRAINT person_pkey`);
    await db.query(`
      ALTER TABLE person ADD CONSTRAINT person_pkey PRIMARY KEY (nik)
        INCLUDE (full_name, birth_date, birth_place, sex, mother_name, status)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE person DROP CONSTRAINT person_pkey`);
    await db.query(`ALTER TABLE person ADD CONSTRAINT person_pkey PRIMARY KEY (nik)`);
  }
}
