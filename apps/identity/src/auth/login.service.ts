import { Inject, Injectable } from '@nestjs/common';
import type { LoginReply, LoginRequest } from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { APP_CONFIG } from '#lib/platform/core';
import type { Account } from '../accounts/account.rows.js';
import { AccountRepository } from '../accounts/account.repository.js';
import { PasswordHasher } from '../accounts/password-hasher.js';
import type { IdentityConfig } from '../config/identity.config.js';
import { RegistryRepository } from '../registry/registry.repository.js';
import { LoginThrottleRepository } from './login-throttle.repository.js';
import { SigningKeys, type AccessTokenClaims } from './signing-keys.js';

const NIK_SHAPE = /^\d{16}$/;

/**
 * `POST /auth/login`: residents by NIK, staff by username. Failures are counted per username and
 * per client address; past the limit the answer is 429 with how long to wait, and the password
 * is not even checked.
 */
@Injectable()
export class LoginService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    private readonly accounts: AccountRepository,
    private readonly registry: RegistryRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleRepository,
    private readonly keys: SigningKeys,
  ) {}

  async login(request: LoginRequest): Promise<LoginReply> {
    const username = request.username.trim().toLowerCase();
    const userKey = `user:${username}`;
    const addressKey = `address:${request.clientAddress}`;
    const wait = await this.throttle.lockedForSeconds([userKey, addressKey]);
    if (wait > 0) {
      throw new DomainError('AUTH.TOO_MANY_ATTEMPTS', 'Terlalu banyak percobaan masuk yang gagal; coba lagi nanti', {
        details: { retryAfterSeconds: wait },
      });
    }
    const account = NIK_SHAPE.test(username)
      ? await this.accounts.findResidentByNik(username)
      : await this.accounts.findStaffByUsername(username);
    const valid = await this.hasher.verify(account?.passwordHash, request.password);
    if (account === null || !valid || account.role === Role.AGENCY) {
      await this.throttle.recordFailure(
        [
          { key: userKey, maxFailures: this.config.LOGIN_MAX_FAILURES_PER_USERNAME },
          { key: addressKey, maxFailures: this.config.LOGIN_MAX_FAILURES_PER_ADDRESS },
        ],
        this.config.LOGIN_FAILURE_WINDOW_SECONDS,
        this.config.LOGIN_LOCK_SECONDS,
      );
      throw new DomainError('AUTH.INVALID_CREDENTIALS', 'Nama pengguna atau kata sandi salah');
    }
    await this.throttle.clear(userKey, this.config.LOGIN_FAILURE_WINDOW_SECONDS);
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const accessToken = await this.keys.sign(await this.claimsOf(account), ttl);
    return { accessToken, expiresIn: ttl, role: account.role as Role };
  }

  private async claimsOf(account: Account): Promise<AccessTokenClaims> {
    const claims: AccessTokenClaims = { sub: account.id, role: account.role };
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
    return claims;
  }
}
