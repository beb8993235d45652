import { Inject, Injectable } from '@nestjs/common';
import type { LoginReply, LoginRequest } from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { APP_CONFIG } from '#lib/platform/core';
import { AccountRepository } from '../accounts/account.repository.js';
import { PasswordHasher } from '../accounts/password-hasher.js';
import { SecondFactorRepository } from '../accounts/second-factor.repository.js';
import { newSecretToken } from '../accounts/session.repository.js';
import type { IdentityConfig } from '../config/identity.config.js';
import { AttemptThrottle } from './attempt-throttle.js';
import { SessionTokensService } from './session-tokens.service.js';

const NIK_SHAPE = /^\d{16}$/;

export function invalidCredentials(): DomainError {
  return new DomainError('AUTH.INVALID_CREDENTIALS', 'Nama pengguna atau kata sandi salah');
}

/**
 * `POST /auth/login`: residents by NIK, staff by username. Failures are throttled (AttemptThrottle:
 * a progressive delay per account and address, never a lock); during a delay the answer is 429
 * with how long to wait, and the password is not even checked. An account with a second factor
 * gets a short-lived challenge instead of tokens (`POST /auth/mfa` completes the sign-in).
 */
@Injectable()
export class LoginService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: AttemptThrottle,
    private readonly secondFactor: SecondFactorRepository,
    private readonly tokens: SessionTokensService,
  ) {}

  async login(request: LoginRequest): Promise<LoginReply> {
    const username = request.username.trim().toLowerCase();
    const rules = this.throttle.rules('login', username, request.clientAddress);
    await this.throttle.assertMayTry('login', rules);
    const account = NIK_SHAPE.test(username)
      ? await this.accounts.findResidentByNik(username)
      : await this.accounts.findStaffByUsername(username);
    const valid = await this.hasher.verify(account?.passwordHash, request.password);
    if (account === null || !valid || account.role === Role.AGENCY) {
      await this.throttle.failed('login', rules, username, request.clientAddress);
      throw invalidCredentials();
    }
    // A resident the registry records as deceased signs in no more (the same answer as a wrong password).
    if (!(await this.accounts.tokenState(account.id)).active) throw invalidCredentials();
    await this.throttle.succeeded(rules);
    if (account.mfaEnabled) {
      const mfaToken = newSecretToken();
      await this.secondFactor.createChallenge(account.id, mfaToken, this.config.MFA_CHALLENGE_TTL_SECONDS);
      return { mfaRequired: true, mfaToken };
    }
    return this.tokens.open(account, { device: request.device, clientAddress: request.clientAddress });
  }
}
