import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The population registry (people, families, who belonged to which family when), the accounts
 * that may act on it (residents, staff, agencies), the access log of reads of people's records,
 * login throttling, identifier serial counters and registry import sessions.
 */
export class RegistryAndAccounts1767200000000 implements MigrationInterface {
  name = 'RegistryAndAccounts1767200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE family (
        family_card_number char(16) PRIMARY KEY,
        address varchar(200) NOT NULL,
        rt char(3) NOT NULL,
        rw char(3) NOT NULL,
        village_code varchar(13) NOT NULL,
        regency_code varchar(5) NOT NULL,
        postal_code char(5) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX family_regency_idx ON family (regency_code)`);
    await db.query(`
      CREATE TABLE person (
        nik char(16) PRIMARY KEY,
        full_name varchar(100) NOT NULL,
        sex varchar(10) NOT NULL,
        birth_place varchar(100) NOT NULL,
        birth_date date NOT NULL,
        religion varchar(12) NOT NULL,
        education varchar(40) NOT NULL,
        occupation varchar(60) NOT NULL,
        blood_type varchar(10) NOT NULL,
        marital_status varchar(30) NOT NULL,
        marriage_date date,
        citizenship varchar(3) NOT NULL,
        passport_number varchar(30),
        kitap_number varchar(30),
        father_name varchar(100) NOT NULL,
        mother_name varchar(100) NOT NULL,
        status varchar(10) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A membership is never edited in place: a person joins (a row) and leaves (left_at), so the
    // members of a KK at any past moment can be listed again for a reprint.
    await db.query(`
      CREATE TABLE family_membership (
        id bigserial PRIMARY KEY,
        family_card_number char(16) NOT NULL REFERENCES family (family_card_number),
        nik char(16) NOT NULL REFERENCES person (nik),
        relationship varchar(20) NOT NULL,
        joined_at timestamptz NOT NULL DEFAULT now(),
        left_at timestamptz,
        CHECK (left_at IS NULL OR left_at >= joined_at)
      )`);
    await db.query(`CREATE UNIQUE INDEX family_membership_current_uq ON family_membership (nik) WHERE left_at IS NULL`);
    await db.query(`CREATE INDEX family_membership_family_idx ON family_membership (family_card_number, joined_at)`);
    await db.query(`CREATE INDEX family_membership_nik_idx ON family_membership (nik, joined_at)`);

    await db.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY,
        role varchar(10) NOT NULL CHECK (role IN ('RESIDENT', 'CLERK', 'OFFICIAL', 'ADMIN', 'AGENCY')),
        username varchar(64) UNIQUE,
        nik char(16) UNIQUE,
        password_hash text,
        full_name varchar(200),
        nip char(18),
        regency_code varchar(5),
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        CHECK ((role = 'RESIDENT') = (nik IS NOT NULL)),
        CHECK (role NOT IN ('CLERK', 'OFFICIAL', 'ADMIN') OR (username IS NOT NULL AND regency_code IS NOT NULL))
      )`);
    // Agencies (lembaga pengguna) sign in with client credentials and verify within the fields
    // of their agreement; the verification feature fills this table.
    await db.query(`
      CREATE TABLE agency (
        account_id uuid PRIMARY KEY REFERENCES account (id),
        name varchar(200) NOT NULL,
        client_id varchar(64) NOT NULL UNIQUE,
        client_secret_hash text NOT NULL,
        allowed_fields text[] NOT NULL,
        requests_per_minute integer NOT NULL CHECK (requests_per_minute > 0),
        suspended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row per read of a person's record by staff or an agency (UU 27/2022). prev_hash/hash
    // leave room for chaining the rows so that a removed or edited row shows.
    await db.query(`
      CREATE TABLE access_log (
        id bigserial PRIMARY KEY,
        subject_nik char(16) NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor_type varchar(10) NOT NULL CHECK (actor_type IN ('STAFF', 'AGENCY')),
        actor_id uuid NOT NULL,
        actor_name varchar(200) NOT NULL,
        purpose varchar(500) NOT NULL,
        fields text[] NOT NULL,
        endpoint varchar(200) NOT NULL,
        correlation_id varchar(100),
        prev_hash char(64),
        hash char(64)
      )`);
    await db.query(`CREATE INDEX access_log_subject_idx ON access_log (subject_nik, at DESC, id DESC)`);
    await db.query(`CREATE INDEX access_log_actor_idx ON access_log (actor_id, at DESC)`);

    // Shared by every replica: failed logins per username and per client address.
    await db.query(`
      CREATE TABLE login_throttle (
        key varchar(200) PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);

    // Next serial per identifier prefix (district + date, + sex for a NIK), and every number
    // handed out, so a number is never given twice even before its person is registered.
    await db.query(`
      CREATE TABLE identifier_counter (
        kind varchar(4) NOT NULL CHECK (kind IN ('NIK', 'KK')),
        prefix char(12) NOT NULL,
        next_serial integer NOT NULL,
        PRIMARY KEY (kind, prefix)
      )`);
    await db.query(`
      CREATE TABLE issued_identifier (
        value char(16) NOT NULL,
        kind varchar(4) NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, value)
      )`);

    await db.query(`
      CREATE TABLE import_session (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL,
        columns text[] NOT NULL,
        next_seq integer NOT NULL DEFAULT 0,
        imported integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE import_rejection (
        import_id uuid NOT NULL REFERENCES import_session (id) ON DELETE CASCADE,
        line integer NOT NULL,
        errors jsonb NOT NULL,
        PRIMARY KEY (import_id, line)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'import_rejection',
      'import_session',
      'issued_identifier',
      'identifier_counter',
      'login_throttle',
      'access_log',
      'agency',
      'account',
      'family_membership',
      'person',
      'family',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
