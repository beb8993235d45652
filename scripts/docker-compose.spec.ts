import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { NATS_APPS, natsPermissions } from './nats-config.mjs';
import { NODE_FLAGS } from './lib/node-flags.mjs';

/**
 * docker-compose.yml is the deployment template, and the machine that builds the project has no
 * Docker daemon to run it (nor `docker compose config`). So its security-relevant promises are
 * checked here from the parsed file (docs/security.md): each long-running service restarts and
 * has a health check; the apps run in production mode over TLS to NATS, each with only its own
 * nkey, as their runtime database role; every secret comes from the env file with no default.
 */
interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  restart?: string;
  healthcheck?: { test?: unknown };
  environment?: Record<string, string>;
  secrets?: string[];
  depends_on?: Record<string, { condition: string }>;
}
interface Compose {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
}

const text = readFileSync('docker-compose.yml', 'utf8');
const compose = parse(text, { merge: true }) as Compose;
const services = compose.services;
const APPS = ['gateway', 'identity', 'applications', 'documents'];
/** Run once to completion (the others wait for it): no restart, no health check. */
const ONE_SHOT = ['provision'];

describe('docker-compose.yml (checked without Docker)', () => {
  it.each(APPS)('runs %s with the Node flags every other start uses (scripts/lib/node-flags.mjs)', (app) => {
    expect(services[app].command).toEqual(['node', ...(NODE_FLAGS[app] ?? []), `dist/apps/${app}/src/main.js`]);
  });

  it('has the services the system needs', () => {
    expect(Object.keys(services).sort()).toEqual([...APPS, 'nats', 'postgres', 'provision'].sort());
  });

  it.each(Object.keys(services).filter((name) => !ONE_SHOT.includes(name)))(
    '%s restarts when it dies and has a health check',
    (name) => {
      expect(services[name].restart).toMatch(/^(unless-stopped|always)$/);
      expect(services[name].healthcheck?.test).toBeDefined();
    },
  );

  it('runs the one-shot provisioning once, and the services only after it succeeded', () => {
    expect(services['provision'].restart).toBe('no');
    for (const name of ['identity', 'applications', 'documents']) {
      expect(services[name].depends_on?.['provision']?.condition).toBe('service_completed_successfully');
    }
  });

  it.each(APPS)('%s runs in production mode, over TLS to NATS, with only its own nkey', (name) => {
    const env = services[name].environment ?? {};
    expect(env['NODE_ENV']).toBe('production');
    expect(env['NATS_URL']).toMatch(/^tls:\/\//);
    expect(env['NATS_TLS_CA_FILE']).toBe('/run/secrets/nats_ca');
    expect(env['NATS_NKEY_SEED_FILE']).toBe(`/run/secrets/${name}_nkey`);
    expect(env['JWT_PUBLIC_KEYS_FILE']).toBeDefined();
    const nkeys = (services[name].secrets ?? []).filter((secret) => secret.endsWith('_nkey'));
    expect(nkeys).toEqual([`${name}_nkey`]);
    expect(compose.secrets[`${name}_nkey`].file).toBe(`./secrets/nats/nkeys/${name}.nk`);
  });

  it('gives no container the operator’s key (it may publish every event)', () => {
    expect(NATS_APPS).toContain('operator');
    expect(natsPermissions()['operator']).toBeDefined();
    expect(Object.values(compose.secrets).map((secret) => secret.file)).not.toContain(
      './secrets/nats/nkeys/operator.nk',
    );
  });

  it('runs NATS with the generated configuration, TLS on', () => {
    const nats = services['nats'];
    expect(nats.command).toEqual(expect.arrayContaining(['-c', '/etc/nats/nats-server.conf', '-js']));
    expect((nats as { volumes?: string[] }).volumes).toEqual(
      expect.arrayContaining([
        './secrets/nats/nats-server.conf:/etc/nats/nats-server.conf:ro',
        './secrets/nats/tls:/etc/nats/tls:ro',
      ]),
    );
    // scripts/make-secrets.mjs writes the server configuration with TLS (a `tls {}` block).
    expect(readFileSync('scripts/make-secrets.mjs', 'utf8')).toMatch(/writeNatsSetup\(\{[^}]*tls: true/);
  });

  it.each(['identity', 'applications', 'documents'])(
    '%s connects as its runtime database role and migrates as its owner, never as the superuser',
    (name) => {
      const env = services[name].environment ?? {};
      expect(env['DATABASE_URL']).toMatch(
        new RegExp(`^postgres://disduk_${name}_app:\\$\\{[A-Z_]+:\\?[^}]*\\}@postgres:5432/disduk_${name}$`),
      );
      expect(env['DATABASE_MIGRATION_URL']).toMatch(
        new RegExp(`^postgres://disduk_${name}_owner:\\$\\{[A-Z_]+:\\?[^}]*\\}@postgres:5432/disduk_${name}$`),
      );
      expect(JSON.stringify(env)).not.toMatch(/postgres:\/\/postgres[:@]/);
    },
  );

  it('takes every secret from the env file, with no default', () => {
    // Every substitution is required (`${X:?…}`): none falls back to a value written here.
    const substitutions = [...text.matchAll(/\$\{([^}]*)\}/g)].map((match) => match[1]);
    expect(substitutions.length).toBeGreaterThan(10);
    for (const substitution of substitutions) expect(substitution).toMatch(/^[A-Z][A-Z0-9_]*:\?/);
    // A secret-looking variable never has a literal value.
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|PASSPHRASE|SECRET|PRIVATE_KEY$|_SEED$/.test(key)) {
          expect({ service: name, key, value }).toEqual({ service: name, key, value: expect.stringMatching(/^\$\{/) });
        }
      }
    }
    // And the env file's template has no values for them either.
    const example = readFileSync('.env.example', 'utf8');
    for (const line of example.split('\n').filter((l) => /^[A-Z_]*(PASSWORD|PASSPHRASE)=/.test(l))) {
      expect(line).toMatch(/=$/);
    }
  });

  it('loads no demo data', () => {
    expect(text).not.toMatch(/DEMO_DATA|--demo/);
  });
});
