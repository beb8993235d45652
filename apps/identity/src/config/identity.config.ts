import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ServiceConfig } from '#lib/platform/core';
import { IsDocumentText, IsNotBlank } from '#lib/validation';

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

  /**
   * Worker threads that read and check the chunks of a registry import; default one per core, at
   * most four. 0 checks them in the service's main thread.
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(32)
  @Type(() => Number)
  IMPORT_CHECK_WORKERS?: number;

  /** Access tokens live at most 15 minutes (API.md); a refresh token gets the next one. */
  @IsInt()
  @Min(60)
  @Max(900)
  @Type(() => Number)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  /** A session (its refresh tokens) ends this long after sign-in, however often it is refreshed. */
  @IsInt()
  @Min(300)
  @Max(30 * 86_400)
  @Type(() => Number)
  SESSION_TTL_SECONDS: number = 12 * 3600;

  /** How long the `mfaToken` of a login waiting for its second factor stays valid. */
  @IsInt()
  @Min(30)
  @Max(900)
  @Type(() => Number)
  MFA_CHALLENGE_TTL_SECONDS: number = 300;

  /**
   * Roles that must have a second factor (comma-separated, e.g. `ADMIN,OFFICIAL`); until they
   * enrol they may only enrol. Default: ADMIN and OFFICIAL in production, none otherwise.
   */
  @IsOptional()
  @Matches(/^$|^(RESIDENT|CLERK|OFFICIAL|ADMIN)(,(RESIDENT|CLERK|OFFICIAL|ADMIN))*$/)
  MFA_REQUIRED_ROLES?: string;

  /**
   * AES-256 key (32 bytes, base64) that encrypts TOTP secrets at rest. Outside production a
   * published development key is used when unset; production refuses that key and no key.
   */
  @IsOptional()
  @IsString()
  MFA_ENCRYPTION_KEY?: string;

  @IsOptional()
  @IsString()
  MFA_ENCRYPTION_KEY_FILE?: string;

  /** The first ADMIN, created at first start when no account has this username. */
  @IsOptional()
  @Matches(/^(?=.*[a-z])[a-z0-9._-]{3,64}$/)
  ADMIN_USERNAME?: string;

  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  ADMIN_PASSWORD?: string;

  /** Printed under what the first ADMIN signs, like any staff name: the document-text rule. */
  @IsString()
  @MaxLength(100)
  @IsNotBlank()
  @IsDocumentText()
  ADMIN_FULL_NAME: string = 'Administrator Sistem';

  @Matches(/^\d{2}\.\d{2}$/)
  ADMIN_REGENCY_CODE: string = '16.02';

  /**
   * Failures of one account from one client address (within the window) before each further
   * attempt from there must wait: the delay starts at THROTTLE_BASE_DELAY_SECONDS and doubles
   * with every failure, up to THROTTLE_MAX_DELAY_SECONDS. It is a delay, not a lock: once it
   * has passed, the right password works.
   */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  LOGIN_MAX_FAILURES_PER_USERNAME: number = 5;

  /**
   * Failures of one account from all addresses together before every address must wait: much
   * higher, so a stranger's guesses cannot keep the account's owner out for long.
   */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  LOGIN_MAX_FAILURES_PER_ACCOUNT: number = 50;

  /** Failures from one client address (any account) before it must wait. */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  LOGIN_MAX_FAILURES_PER_ADDRESS: number = 30;

  /** Wrong registrations for one NIK, and from one address, before each further try waits. */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  REGISTER_MAX_FAILURES: number = 5;

  @IsInt()
  @Min(1)
  @Type(() => Number)
  LOGIN_FAILURE_WINDOW_SECONDS: number = 900;

  @IsInt()
  @Min(1)
  @Max(60)
  @Type(() => Number)
  THROTTLE_BASE_DELAY_SECONDS: number = 4;

  @IsInt()
  @Min(1)
  @Max(3600)
  @Type(() => Number)
  THROTTLE_MAX_DELAY_SECONDS: number = 300;
}
