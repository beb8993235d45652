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
  return config;
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
