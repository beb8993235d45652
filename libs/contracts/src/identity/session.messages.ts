import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import type { Role, StaffRole } from '#lib/domain';
import { IsNotCommonPassword } from '#lib/validation';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, SESSION_DEVICE_MAX_LENGTH } from './account.messages.js';
import { Principal } from './principal.js';
import { PagedListRequest } from './registry.messages.js';

/** A refresh token: `<64 hex digits>` (a random 256-bit secret; identity keeps its SHA-256 only). */
export const REFRESH_TOKEN_PATTERN = /^[0-9a-f]{64}$/;
/** An MFA challenge token handed out by a login that needs the second factor: same shape. */
export const MFA_TOKEN_PATTERN = REFRESH_TOKEN_PATTERN;
/** A TOTP code (6 digits) or a recovery code (`xxxx-xxxx-xxxx` of lower-case letters and digits). */
export const SECOND_FACTOR_CODE_PATTERN = /^(\d{6}|[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4})$/;

/** A signed-in session's tokens (`POST /auth/login`, `/auth/mfa`, `/auth/refresh`). */
export interface SessionReply {
  accessToken: string;
  expiresIn: number;
  role: Role;
  refreshToken: string;
}

/** `POST /auth/login` of an account with a second factor: no tokens yet. */
export interface MfaChallengeReply {
  mfaRequired: true;
  mfaToken: string;
}

/** Tokens, or (an account with a second factor) the challenge `POST /auth/mfa` answers. */
export type LoginReply = SessionReply | MfaChallengeReply;

/** `identity.session.refresh` (API.md `POST /auth/refresh`). */
export class RefreshSessionRequest {
  @IsString()
  @Matches(REFRESH_TOKEN_PATTERN, { message: 'refreshToken tidak sah' })
  refreshToken: string;

  /** Added by the gateway: where the session is used from now, for `GET /me/sessions`. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  clientAddress?: string;

  /** Added by the gateway: the device as described from the User-Agent. */
  @IsOptional()
  @IsString()
  @MaxLength(SESSION_DEVICE_MAX_LENGTH)
  device?: string;
}

/** `identity.session.revoke` (API.md `POST /auth/logout`): the caller's own session. */
export class LogoutRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsOptional()
  @IsString()
  @Matches(REFRESH_TOKEN_PATTERN, { message: 'refreshToken tidak sah' })
  refreshToken?: string;
}

/**
 * `identity.session.state`: what the gateway's guard needs to accept an access token — whether
 * its account may still act, since when its tokens count, and whether its session is open. The
 * gateway caches the answer for a few seconds and drops it when identity announces a change.
 */
export class SessionStateRequest {
  @IsUUID()
  accountId: string;

  @IsOptional()
  @IsUUID()
  sessionId?: string;
}

export interface SessionStateReply {
  /** False for a disabled, deleted or deceased account. */
  accountActive: boolean;
  /** Tokens issued before this instant (milliseconds since the epoch) are refused. */
  tokensValidAfter?: number;
  /** The session named, when one was: still open. */
  sessionActive?: boolean;
}

/** What identity announces (plain NATS, every gateway replica) when an account's tokens change. */
export interface AccountSessionsChangedEvent {
  accountId: string;
  /** One session ended; absent when every token of the account is affected. */
  sessionId?: string;
}

/** `identity.account.change-password` (API.md `POST /me/password`). */
export class ChangePasswordRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  @IsNotCommonPassword()
  newPassword: string;
}

/** `identity.mfa.start` (API.md `POST /me/mfa`). */
export class StartMfaEnrolmentRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;
}

export interface MfaEnrolmentReply {
  /** Base32 TOTP secret, for typing into an authenticator app. */
  secret: string;
  /** `otpauth://totp/...` for a QR code. */
  otpauthUri: string;
  /** The same URI drawn as a QR code: an SVG `data:` URL. */
  qrCodeDataUrl: string;
  /** One-time recovery codes, shown now only; valid once the second factor is confirmed. */
  recoveryCodes: string[];
}

/** `identity.mfa.confirm` (API.md `POST /me/mfa/confirm`); also `identity.mfa.recovery-codes` (a current code). */
export class ConfirmMfaRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsString()
  @Matches(/^\d{6}$/, { message: 'kode harus 6 digit angka' })
  code: string;
}

/** `identity.mfa.recovery-codes` (`POST /me/mfa/recovery-codes`): new codes, the old ones void. */
export interface RecoveryCodesReply {
  /** One-time recovery codes, shown now only. */
  recoveryCodes: string[];
}

/** `identity.mfa.verify` (API.md `POST /auth/mfa`): the second step of a login. */
export class CompleteMfaLoginRequest {
  @IsString()
  @Matches(MFA_TOKEN_PATTERN, { message: 'mfaToken tidak sah' })
  mfaToken: string;

  @IsString()
  @Matches(SECOND_FACTOR_CODE_PATTERN, { message: 'kode harus 6 digit angka atau kode pemulihan' })
  code: string;

  /** The client's address as the gateway saw it: failures are throttled per address too. */
  @IsString()
  @MaxLength(100)
  clientAddress: string;

  /** The device as the gateway described it from the User-Agent, for `GET /me/sessions`. */
  @IsOptional()
  @IsString()
  @MaxLength(SESSION_DEVICE_MAX_LENGTH)
  device?: string;
}

/** `identity.session.list` (`GET /me/sessions`): the caller's own open sessions, most recently used first. */
export class ListSessionsRequest extends PagedListRequest {}

/**
 * One open session as its owner sees it: when and from what it was opened and last used; never a
 * token or its digest.
 */
export interface SessionView {
  id: string;
  /** The sign-in that opened it (ISO 8601 UTC). */
  startedAt: string;
  /** The sign-in or the last refresh (ISO 8601 UTC). */
  lastUsedAt: string;
  /** "Chrome di Android"; absent for sessions opened before it was recorded. */
  device?: string;
  /** The address of the sign-in or the last refresh, as the gateway saw it. */
  clientAddress?: string;
  /** The session of the access token that asked. */
  current: boolean;
}

/** `identity.session.end` (`DELETE /me/sessions/{id}`): one of the caller's own sessions. */
export class EndSessionRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsUUID()
  sessionId: string;
}

/** `identity.session.end-others` (`POST /me/sessions/revoke-others`): every session of the caller but this one. */
export class EndOtherSessionsRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;
}

export interface EndOtherSessionsReply {
  /** How many sessions ended. */
  ended: number;
}

/** `identity.staff.list` (API.md `GET /admin/staff`). */
export class ListStaffRequest extends PagedListRequest {}

/** `identity.staff.disable`, `.enable`, `.reset-password`, `.reset-mfa`: one staff account by id. */
export class StaffAccountRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsUUID()
  staffId: string;
}

/** A staff account as an ADMIN sees it. */
export interface StaffView {
  id: string;
  username: string;
  fullName: string;
  /** The first ADMIN (from the environment) has none. */
  nip?: string;
  role: StaffRole;
  regencyCode: string;
  disabled: boolean;
  mfaEnabled: boolean;
  lastLoginAt?: string;
  /** Must set a new password at the next sign-in (after a reset). */
  passwordChangeRequired: boolean;
}

export interface ResetPasswordReply {
  temporaryPassword: string;
}
