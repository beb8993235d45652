import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ServiceConfig } from '#lib/platform/core';

/** Environment of the identity service, validated once at start-up. */
export class IdentityConfig extends ServiceConfig {
  /**
   * ES256 (P-256) private key, PKCS#8 PEM, that signs access tokens. Required in production;
   * in development and tests a key pair is generated at start when it is unset (every replica
   * would then sign with its own key, so `npm start` passes a shared one).
   */
  @IsOptional()
  @IsString()
  JWT_PRIVATE_KEY?: string;

  /** A file holding JWT_PRIVATE_KEY (docker-compose: a secret). */
  @IsOptional()
  @IsString()
  JWT_PRIVATE_KEY_FILE?: string;

  /** The `kid` of JWT_PRIVATE_KEY, so that keys can rotate. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  JWT_KEY_ID?: string;

  /**
   * Ed25519 private key (PKCS#8 PEM) that signs the access log's chain-head anchors: a key of
   * its own, never the token key. Required in production (the published development key is
   * refused); development and tests use the development key.
   */
  @IsOptional()
  @IsString()
  AUDIT_ANCHOR_PRIVATE_KEY?: string;

  @IsOptional()
  @IsString()
  AUDIT_ANCHOR_PRIVATE_KEY_FILE?: string;

  /** How often the chain head is anchored (AUDIT_ANCHORS stream); 0 turns the timer off. */
  @IsInt()
  @Min(0)
  @Max(86_400)
  @Type(() => Number)
  ACCESS_LOG_ANCHOR_INTERVAL_SECONDS: number = 300;

  @IsInt()
  @Min(60)
  @Max(86_400)
  @Type(() => Number)
  ACCESS_TOKEN_TTL_SECONDS: number = 3600;

  /** The first ADMIN, created at first start when no account has this username. */
  @IsOptional()
  @Matches(/^(?=.*[a-z])[a-z0-9._-]{3,64}$/)
  ADMIN_USERNAME?: string;

  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  ADMIN_PASSWORD?: string;

  @IsString()
  @MaxLength(100)
  ADMIN_FULL_NAME: string = 'Administrator Sistem';

  @Matches(/^\d{2}\.\d{2}$/)
  ADMIN_REGENCY_CODE: string = '16.02';

  /** Failed logins for one username within the window before it is locked. */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  LOGIN_MAX_FAILURES_PER_USERNAME: number = 5;

  /** Failed logins from one client address within the window before it is locked. */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  LOGIN_MAX_FAILURES_PER_ADDRESS: number = 30;

  @IsInt()
  @Min(1)
  @Type(() => Number)
  LOGIN_FAILURE_WINDOW_SECONDS: number = 900;

  @IsInt()
  @Min(1)
  @Type(() => Number)
  LOGIN_LOCK_SECONDS: number = 300;
}
