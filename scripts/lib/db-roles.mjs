// Least-privilege PostgreSQL for each service (ADR 0005, docs/security.md): a database owned by
// its migration role `<db>_owner` (DDL, runs the migrations) and used at run time by
// `<db>_app`, which may read and write rows but has no DDL, no TRUNCATE, and — not owning any
// table — cannot disable triggers. Tables made later by the owner (any service's migration,
// whoever writes it) get the runtime grants by default privileges; append-only tables keep
// INSERT and SELECT only. `npm start`, the test stacks, the benchmarks and docker-compose's
// `provision` step all call provisionServiceDatabase as a superuser. Plain ESM JavaScript.
import pg from 'pg';

/** Tables the runtime role may only INSERT into and SELECT from. */
export const APPEND_ONLY_TABLES = { identity: ['access_log'] };

export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function withCredentials(url, user, password) {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = password ? encodeURIComponent(password) : '';
  return parsed.toString();
}

export function roleNamesOf(database) {
  return { owner: `${database}_owner`, runtime: `${database}_app` };
}

const ident = (name) => {
  if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`Unsupported PostgreSQL name "${name}"`);
  return `"${name}"`;
};

async function ensureRole(client, name, password) {
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  const verb = exists.rowCount ? 'ALTER' : 'CREATE';
  const secret = password ? ` PASSWORD ${client.escapeLiteral(password)}` : '';
  await client.query(`${verb} ROLE ${ident(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS${secret}`);
}

/**
 * Creates (or brings up to date) a service's database and its two roles; returns the URLs of
 * both roles. `adminUrl`: a superuser on the server. Idempotent; safe on a database that the
 * superuser made and migrated before this existed (its objects are handed to the owner).
 */
export async function provisionServiceDatabase({
  adminUrl,
  database,
  service,
  ownerPassword,
  runtimePassword,
  ownerRole,
  runtimeRole,
}) {
  const roles = roleNamesOf(database);
  const owner = ownerRole ?? roles.owner;
  const runtime = runtimeRole ?? roles.runtime;
  const server = new pg.Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await server.connect();
  try {
    await ensureRole(server, owner, ownerPassword);
    await ensureRole(server, runtime, runtimePassword);
    const exists = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!exists.rowCount) {
      try {
        await server.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(owner)}`);
      } catch (error) {
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      }
    }
    await server.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(owner)}`);
    await server.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
    await server.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${ident(runtime)}`);
  } finally {
    await server.end();
  }

  const db = new pg.Client({ connectionString: withDatabase(adminUrl, database) });
  await db.connect();
  try {
    const o = ident(owner);
    const r = ident(runtime);
    await db.query(`ALTER SCHEMA public OWNER TO ${o}`);
    await db.query(`REVOKE ALL ON SCHEMA public FROM PUBLIC`);
    await db.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    // Objects made before the roles existed (by the superuser) now belong to the owner.
    await db.query(`
      DO $$
      DECLARE item record;
      BEGIN
        -- Tables first: a table's owned sequences (serial, identity) follow it.
        FOR item IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
                       AND pg_get_userbyid(c.relowner) <> ${db.escapeLiteral(owner)} LOOP
          EXECUTE format(CASE item.relkind WHEN 'v' THEN 'ALTER VIEW %I OWNER TO %I'
                                           WHEN 'm' THEN 'ALTER MATERIALIZED VIEW %I OWNER TO %I'
                                           ELSE 'ALTER TABLE %I OWNER TO %I' END, item.relname, ${db.escapeLiteral(owner)});
        END LOOP;
        FOR item IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind = 'S'
                       AND pg_get_userbyid(c.relowner) <> ${db.escapeLiteral(owner)}
                       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP
          EXECUTE format('ALTER SEQUENCE %I OWNER TO %I', item.relname, ${db.escapeLiteral(owner)});
        END LOOP;
        FOR item IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> ${db.escapeLiteral(owner)} LOOP
          EXECUTE format('ALTER ROUTINE %s OWNER TO %I', item.signature, ${db.escapeLiteral(owner)});
        END LOOP;
        FOR item IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                     WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd')
                       AND pg_get_userbyid(t.typowner) <> ${db.escapeLiteral(owner)} LOOP
          EXECUTE format('ALTER TYPE %I OWNER TO %I', item.typname, ${db.escapeLiteral(owner)});
        END LOOP;
      END $$`);
    await db.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    );
    await db.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    for (const table of APPEND_ONLY_TABLES[service] ?? []) {
      const found = await db.query(`SELECT to_regclass($1) AS oid`, [`public.${table}`]);
      if (found.rows[0].oid) await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${ident(table)} FROM ${r}`);
    }
  } finally {
    await db.end();
  }
  return {
    ownerUrl: withCredentials(withDatabase(adminUrl, database), owner, ownerPassword),
    runtimeUrl: withCredentials(withDatabase(adminUrl, database), runtime, runtimePassword),
    roles: { owner, runtime },
  };
}

/** Drops a test database and its two roles (names must say "test"). */
export async function dropServiceDatabase({ adminUrl, database }) {
  if (!database.includes('test')) throw new Error(`Refusing to drop "${database}": not a test database`);
  const { owner, runtime } = roleNamesOf(database);
  const server = new pg.Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await server.connect();
  try {
    await server.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
    for (const role of [runtime, owner]) await server.query(`DROP ROLE IF EXISTS ${ident(role)}`);
  } finally {
    await server.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // docker-compose's provision step: one database per service, passwords from the env file.
  const adminUrl = process.env.POSTGRES_ADMIN_URL;
  if (!adminUrl) {
    console.error('POSTGRES_ADMIN_URL is required');
    process.exit(2);
  }
  for (const service of ['identity', 'applications', 'documents']) {
    const upper = service.toUpperCase();
    const ownerPassword = process.env[`${upper}_DB_OWNER_PASSWORD`];
    const runtimePassword = process.env[`${upper}_DB_PASSWORD`];
    if (!ownerPassword || !runtimePassword) {
      console.error(`${upper}_DB_OWNER_PASSWORD and ${upper}_DB_PASSWORD are required`);
      process.exit(2);
    }
    await provisionServiceDatabase({
      adminUrl,
      database: `disduk_${service}`,
      service,
      ownerPassword,
      runtimePassword,
    });
    console.log(`provisioned disduk_${service} (roles disduk_${service}_owner, disduk_${service}_app)`);
  }
}
