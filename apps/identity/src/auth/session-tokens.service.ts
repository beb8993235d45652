import { Inject, Injectable } from '@nestjs/common';
import type { SessionReply } from '#lib/contracts';
import { Role } from '#lib/domain';
import { APP_CONFIG } from '#lib/platform/core';
import type { Account } from '../accounts/account.rows.js';
import { AccountRepository } from '../accounts/account.repository.js';
import { SessionRepository, type SessionOrigin } from '../accounts/session.repository.js';
import type { IdentityConfig } from '../config/identity.config.js';
import { RegistryRepository } from '../registry/registry.repository.js';
import { SigningKeys, type AccessTokenClaims } from './signing-keys.js';

/** MFA_REQUIRED_ROLES, or its default: ADMIN and OFFICIAL in production, none elsewhere. */
export function mfaRequiredRoles(config: IdentityConfig): ReadonlySet<string> {
  const setting = config.MFA_REQUIRED_ROLES ?? (config.NODE_ENV === 'production' ? 'ADMIN,OFFICIAL' : '');
  return new Set(
    setting
      .split(',')
      .map((role) => role.trim())
      .filter((role) => role !== ''),
  );
}

/**
 * Access tokens for a session: short-lived (ACCESS_TOKEN_TTL_SECONDS, at most 15 minutes), naming
 * their session (`sid`), with the restrictions the account is under (`pwdChange`, `mfaEnrol`).
 */
@Injectable()
export class SessionTokensService {
  private readonly mfaRoles: ReadonlySet<string>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    private readonly sessions: SessionRepository,
    private readonly accounts: AccountRepository,
    private readonly registry: RegistryRepository,
    private readonly keys: SigningKeys,
  ) {
    this.mfaRoles = mfaRequiredRoles(config);
  }

  /** A new session (a sign-in that passed every factor): its first access and refresh tokens. */
  async open(account: Account, origin: SessionOrigin = {}): Promise<SessionReply> {
    const { sessionId, refreshToken } = await this.sessions.create(account.id, this.config.SESSION_TTL_SECONDS, origin);
    await this.accounts.recordLogin(account.id);
    return this.reply(account, sessionId, refreshToken);
  }

  /** The next access token of a session, with the refresh token that replaced the spent one. */
  async reply(account: Account, sessionId: string, refreshToken: string): Promise<SessionReply> {
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const accessToken = await this.keys.sign(await this.claimsOf(account, sessionId), ttl);
    return { accessToken, expiresIn: ttl, role: account.role as Role, refreshToken };
  }

  private async claimsOf(account: Account, sessionId: string): Promise<AccessTokenClaims> {
    const claims: AccessTokenClaims = { sub: account.id, role: account.role, sid: sessionId };
    if (account.nik !== null) {
      claims.nik = account.nik;
      const regency = await this.registry.findCurrentRegency(account.nik);
      if (regency !== undefined) claims.regencyCode = regency;
    }
    if (account.username !== null) claims.username = account.username;
    if (account.regencyCode !== null) claims.regencyCode = account.regencyCode;
    if (account.adminScope !== null) claims.adminScope = account.adminScope;
    // Only a well-formed NIP: every service validates the principal it is given.
    if (account.nip !== null && /^\d{18}$/.test(account.nip)) claims.nip = account.nip;
    if (account.staffNik !== null) claims.staffNik = account.staffNik;
    if (account.passwordChangeRequired) claims.pwdChange = true;
    if (!account.mfaEnabled && this.mfaRoles.has(account.role)) claims.mfaEnrol = true;
    return claims;
  }
}
