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

  /** Replica name in logs and metrics; defaults to host and pid. */
  @IsOptional()
  @IsString()
  INSTANCE_ID?: string;
}

/** Services (not the gateway) own a database and serve /metrics on a small HTTP port. */
export class ServiceConfig extends BaseConfig {
  @IsString()
  DATABASE_URL: string;

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
}
