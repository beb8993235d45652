import { Injectable } from '@nestjs/common';
import type { ChangePasswordRequest } from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { AccountSessionsService } from '../accounts/account-sessions.service.js';
import { AccountRepository } from '../accounts/account.repository.js';
import { PasswordHasher } from '../accounts/password-hasher.js';
import { PasswordPolicy } from '../accounts/password-policy.js';
import { AttemptThrottle } from './attempt-throttle.js';

/**
 * `POST /me/password`: the current password proves it is the owner (wrong guesses throttled like a
 * sign-in); afterwards every token issued to the account before is refused, every session ends.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: AttemptThrottle,
    private readonly revocation: AccountSessionsService,
    private readonly passwords: PasswordPolicy,
  ) {}

  async change({ principal, currentPassword, newPassword }: ChangePasswordRequest): Promise<void> {
    if (principal.role === Role.AGENCY) throw new DomainError('AUTH.FORBIDDEN', 'Anda tidak berhak melakukan ini');
    const account = await this.accounts.findById(principal.accountId);
    if (account === null) throw new DomainError('ACCOUNT.NOT_FOUND', 'Akun tidak ditemukan');
    const rules = this.throttle.rules('login', account.username ?? account.nik ?? account.id, undefined);
    await this.throttle.assertMayTry('login', rules);
    if (!(await this.hasher.verify(account.passwordHash, currentPassword))) {
      await this.throttle.failed('login', rules, account.username ?? account.nik ?? account.id);
      throw new DomainError('ACCOUNT.CURRENT_PASSWORD_WRONG', 'Kata sandi saat ini salah', {
        errors: [{ field: 'currentPassword', message: 'kata sandi saat ini salah' }],
      });
    }
    if (currentPassword === newPassword) {
      throw new DomainError('ACCOUNT.PASSWORD_UNCHANGED', 'Kata sandi baru harus berbeda dari kata sandi saat ini', {
        errors: [{ field: 'newPassword', message: 'harus berbeda dari kata sandi saat ini' }],
      });
    }
    await this.throttle.succeeded(rules);
    await this.passwords.assertNotPersonal('newPassword', newPassword, {
      nik: account.nik ?? account.staffNik,
      username: account.username,
      fullName: account.fullName,
      nip: account.nip,
    });
    await this.accounts.setPassword(account.id, await this.hasher.hash(newPassword), false);
    await this.revocation.revokeAllFor(account.id, 'PASSWORD_CHANGED');
  }
}
