import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { BaseConfig } from '#lib/platform/core';

export class GatewayConfig extends BaseConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  @Type(() => Number)
  PORT: number = 3000;

  @IsString()
  HOST: string = '0.0.0.0';

  /**
   * The internal port of `/metrics` and the detailed `/health` (0: any free port, logged at
   * start; docker-compose sets 9464). Never the public PORT: route counts and which service is
   * down, and why, are not the public's.
   */
  @IsInt()
  @Min(0)
  @Max(65535)
  @Type(() => Number)
  METRICS_PORT: number = 0;

  /** Where the internal port listens: loopback unless a monitoring network must reach it. */
  @IsString()
  METRICS_HOST: string = '127.0.0.1';

  /** How long a health check waits for each service. */
  @IsInt()
  @Min(100)
  @Max(30_000)
  @Type(() => Number)
  HEALTH_TIMEOUT_MS: number = 1500;

  /** Largest JSON body accepted, in bytes (uploads have their own limits). */
  @IsInt()
  @Min(1024)
  @Type(() => Number)
  BODY_LIMIT_BYTES: number = 1_048_576;

  /** Trust X-Forwarded-* from a reverse proxy in front of the gateway. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;
}
