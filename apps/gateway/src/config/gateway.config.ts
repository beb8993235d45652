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

  /**
   * Trust X-Forwarded-For from a reverse proxy in front of the gateway: `true` (any), a number of
   * hops, or the proxies' addresses/CIDRs, comma-separated. Unset: the client address is the
   * connection's (throttling counts per address; behind a proxy without this every client would
   * share the proxy's address).
   */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** How long a replica keeps an account's token state (identity announces changes at once). */
  @IsInt()
  @Min(0)
  @Max(10_000)
  @Type(() => Number)
  SESSION_STATE_CACHE_MS: number = 5000;
}

/** TRUST_PROXY as Fastify's `trustProxy`: false, true, a hop count, or a list of addresses. */
export function trustProxyOf(
  value: string | undefined,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
