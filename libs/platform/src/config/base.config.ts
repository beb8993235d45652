import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** Variables every app reads. Each app extends this with its own. */
export class BaseConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsString()
  NATS_URL: string = 'nats://127.0.0.1:4222';

  /** How long a request over NATS may take before the caller gives up. */
  @IsInt()
  @Min(50)
  @Max(120_000)
  @Type(() => Number)
  NATS_TIMEOUT_MS: number = 5000;

  /** This app's NATS user nkey seed (`SU…`): authenticates it to NATS and signs its requests. */
  @IsOptional()
  @IsString()
  NATS_NKEY_SEED?: string;

  /** A file holding NATS_NKEY_SEED (preferred: keeps the secret out of the environment). */
  @IsOptional()
  @IsString()
  NATS_NKEY_SEED_FILE?: string;

  /** The apps' public nkeys, JSON `{ "gateway": "U…", … }`: whose requests a service accepts. */
  @IsOptional()
  @IsString()
  NATS_PEERS?: string;

  @IsOptional()
  @IsString()
  NATS_PEERS_FILE?: string;

  /** CA certificate (PEM file) that NATS's TLS certificate is checked against; turns TLS on. */
  @IsOptional()
  @IsString()
  NATS_TLS_CA_FILE?: string;

  /**
   * Public keys that access tokens are verified with, a JWKS `{ "keys": [ … ] }` (each with its
   * `kid`; list the next key here before identity signs with it). Never fetched from the bus.
   */
  @IsOptional()
  @IsString()
  JWT_PUBLIC_KEYS?: string;

  @IsOptional()
  @IsString()
  JWT_PUBLIC_KEYS_FILE?: string;

  /** The app's name, set by loadConfig (not read from the environment). */
  readonly APP_NAME?: string;

  /** Replica name in logs and metrics; defaults to host and pid. */
  @IsOptional()
  @IsString()
  INSTANCE_ID?: string;
}

/** Services (not the gateway) own a database and serve /metrics on a small HTTP port. */
export class ServiceConfig extends BaseConfig {
  /** The runtime role: rows only, no DDL (docs/security.md). */
  @IsString()
  DATABASE_URL: string;

  /** The migration role (owner of the schema): migrations run as it, then it disconnects. */
  @IsOptional()
  @IsString()
  DATABASE_MIGRATION_URL?: string;

  @IsInt()
  @Min(1)
  @Max(500)
  @Type(() => Number)
  DATABASE_POOL_SIZE: number = 10;

  @IsInt()
  @Min(0)
  @Max(65535)
  @Type(() => Number)
  HTTP_PORT: number = 0;

  /** Where `/metrics` and `/live` listen: loopback unless a monitoring network must reach them. */
  @IsString()
  HTTP_HOST: string = '127.0.0.1';
}
