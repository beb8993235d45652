import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Start-up stops here, naming every bad variable at once rather than the first one met. */
export class ConfigError extends Error {
  constructor(
    readonly appName: string,
    readonly problems: string[],
  ) {
    super(`Invalid configuration for ${appName}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Constructor<T> = new () => T;

/**
 * Validates the environment once, at start-up, against an app's schema class (class-validator
 * decorators, defaults as property initialisers) and returns the typed configuration.
 */
export function loadConfig<T extends object>(
  appName: string,
  schema: Constructor<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const defined: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') defined[key] = value;
  }
  const config = plainToInstance(schema, defined, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(appName, describe(errors, defined));
  const unsafe = productionProblems(config as Record<string, unknown>);
  if (unsafe.length > 0) throw new ConfigError(appName, unsafe);
  Object.defineProperty(config, 'APP_NAME', { value: appName, enumerable: false });
  return config;
}

/**
 * Secrets published in this repository (README, scripts, docs, benchmarks): a production
 * process refuses to start with any of them.
 */
export const KNOWN_DEVELOPMENT_SECRETS: ReadonlySet<string> = new Set([
  'admin-dev-password',
  'bench-admin-password',
  'dev-only-passphrase',
  'postgres',
  'password',
  'changeme',
  'admin',
]);

/**
 * With NODE_ENV=production a process refuses to start, naming the variable, when a secret it
 * reads is a development default, when its NATS identity or the token verification keys are
 * missing, or when it would sign with a development key (`kid` `dev-…`). Each variable is
 * checked only by the apps whose schema declares it.
 */
export function productionProblems(config: Record<string, unknown>): string[] {
  if (config['NODE_ENV'] !== 'production') return [];
  const problems: string[] = [];
  const has = (name: string): boolean => typeof config[name] === 'string' && config[name].trim() !== '';
  const declared = (name: string): boolean => name in config;
  for (const [name, value] of Object.entries(config)) {
    if (/SECRET|PASSWORD|PASSPHRASE/.test(name) && typeof value === 'string' && KNOWN_DEVELOPMENT_SECRETS.has(value)) {
      problems.push(`${name}: a published development value; set a secret of your own`);
    }
  }
  if (declared('ADMIN_USERNAME') && has('ADMIN_USERNAME') && !has('ADMIN_PASSWORD')) {
    problems.push('ADMIN_PASSWORD: required with ADMIN_USERNAME in production');
  }
  if (has('ADMIN_PASSWORD') && (config['ADMIN_PASSWORD'] as string).length < 12) {
    problems.push('ADMIN_PASSWORD: at least 12 characters in production');
  }
  if (!has('NATS_NKEY_SEED') && !has('NATS_NKEY_SEED_FILE')) {
    problems.push('NATS_NKEY_SEED (or NATS_NKEY_SEED_FILE): required in production (the app’s NATS identity)');
  }
  if (!has('NATS_PEERS') && !has('NATS_PEERS_FILE')) {
    problems.push('NATS_PEERS (or NATS_PEERS_FILE): required in production (the apps’ public nkeys)');
  }
  if (!has('JWT_PUBLIC_KEYS') && !has('JWT_PUBLIC_KEYS_FILE')) {
    problems.push('JWT_PUBLIC_KEYS (or JWT_PUBLIC_KEYS_FILE): required in production (token verification keys)');
  }
  if (has('JWT_KEY_ID') && /^dev-/.test(config['JWT_KEY_ID'] as string)) {
    problems.push('JWT_KEY_ID: a development signing key (kid dev-…); generate a production key');
  }
  if (has('DATABASE_URL')) {
    try {
      const url = new URL(config['DATABASE_URL'] as string);
      if (url.username === 'postgres') problems.push('DATABASE_URL: connects as the superuser; use the runtime role');
      if (url.password === '' || KNOWN_DEVELOPMENT_SECRETS.has(decodeURIComponent(url.password))) {
        problems.push('DATABASE_URL: no password or a published development password');
      }
    } catch {
      // An unparsable URL fails when the database is opened, naming it.
    }
  }
  return problems;
}

function describe(errors: ValidationError[], raw: Record<string, string>): string[] {
  return errors.map((error) => {
    const reasons = Object.values(error.constraints ?? {}).join('; ');
    const given = raw[error.property];
    const shown = given === undefined ? 'unset' : `got ${JSON.stringify(redact(error.property, given))}`;
    return `${error.property}: ${reasons} (${shown})`;
  });
}

function redact(name: string, value: unknown): unknown {
  return /SECRET|PASSWORD|KEY|PASSPHRASE/i.test(name) ? '***' : value;
}
