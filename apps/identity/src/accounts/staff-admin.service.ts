import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import {
  PAGE_DEFAULT_LIMIT,
  type ListStaffRequest,
  type Page,
  type ResetPasswordReply,
  type StaffAccountRequest,
  type StaffView,
} from '#lib/contracts';
import { AdminScope, DomainError, isDeploymentAdmin, Role, STAFF_ROLES } from '#lib/domain';
import { APP_LOGGER, type AppLogger } from '#lib/platform/core';
import { AccountSessionsService } from './account-sessions.service.js';
import type { Account } from './account.rows.js';
import { AccountRepository } from './account.repository.js';
import { assertAdminMayManage } from './admin-scope.js';
import { toStaffView } from './account.mapper.js';
import { PasswordHasher } from './password-hasher.js';
import { SecondFactorRepository } from './second-factor.repository.js';

/** A temporary password: 16 letters and digits without look-alikes (about 80 bits). */
function temporaryPassword(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/**
 * `GET /admin/staff`, `POST /admin/staff/{id}/disable|enable|reset-password|reset-mfa`: an ADMIN looks
 * after the staff accounts. Disabling or resetting revokes the account's tokens at once, on every gateway.
 */
@Injectable()
export class StaffAdminService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly revocation: AccountSessionsService,
    private readonly secondFactor: SecondFactorRepository,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  async list({ principal, limit, offset }: ListStaffRequest): Promise<Page<StaffView>> {
    assertAdmin(principal);
    // A regency ADMIN sees the staff of its own regency; a deployment-wide one everyone's.
    const regency = isDeploymentAdmin(principal) ? undefined : (principal.regencyCode ?? '-');
    const page = await this.accounts.listStaff(limit ?? PAGE_DEFAULT_LIMIT, offset ?? 0, regency);
    return { items: page.items.map(toStaffView), total: page.total };
  }

  async disable({ principal, staffId }: StaffAccountRequest): Promise<StaffView> {
    const staff = await this.staffAccount(principal, staffId);
    if (staff.id === principal.accountId) {
      throw new DomainError('STAFF.CANNOT_DISABLE_SELF', 'Administrator tidak dapat menonaktifkan akunnya sendiri');
    }
    const disabled = await this.accounts.setDisabled(staff.id, true);
    await this.revocation.revokeAllFor(staff.id, 'DISABLED');
    return toStaffView(disabled ?? staff);
  }

  async enable({ principal, staffId }: StaffAccountRequest): Promise<StaffView> {
    const staff = await this.staffAccount(principal, staffId);
    const enabled = await this.accounts.setDisabled(staff.id, false);
    return toStaffView(enabled ?? staff);
  }

  async resetPassword({ principal, staffId }: StaffAccountRequest): Promise<ResetPasswordReply> {
    const staff = await this.staffAccount(principal, staffId);
    const password = temporaryPassword();
    await this.accounts.setPassword(staff.id, await this.hasher.hash(password), true);
    await this.revocation.revokeAllFor(staff.id, 'PASSWORD_RESET');
    return { temporaryPassword: password };
  }

  /**
   * A staff member lost both phone and recovery codes: the second factor is off, its secret and codes
   * are gone, every session ends. Where the role needs a second factor, the next sign-in can only
   * enrol again (the `mfaEnrol` claim follows from the factor being off).
   */
  async resetMfa({ principal, staffId }: StaffAccountRequest): Promise<StaffView> {
    const staff = await this.staffAccount(principal, staffId);
    if (staff.id === principal.accountId) {
      throw new DomainError(
        'STAFF.CANNOT_RESET_OWN_MFA',
        'Administrator tidak dapat mengatur ulang verifikasi dua langkah akunnya sendiri; minta administrator lain',
      );
    }
    await this.secondFactor.clear(staff.id);
    await this.revocation.revokeAllFor(staff.id, 'MFA_RESET');
    this.logger.info(
      { adminAccountId: principal.accountId, accountId: staff.id },
      'An ADMIN reset the second factor of a staff account',
    );
    const after = await this.accounts.findAnyById(staff.id);
    return toStaffView(after ?? staff);
  }

  private async staffAccount(principal: StaffAccountRequest['principal'], staffId: string): Promise<Account> {
    assertAdmin(principal);
    const account = await this.accounts.findAnyById(staffId);
    if (account === null || !(STAFF_ROLES as readonly string[]).includes(account.role)) {
      throw new DomainError('STAFF.NOT_FOUND', 'Akun petugas tidak ditemukan');
    }
    assertAdminMayManage(principal, account.regencyCode, 'mengelola akun petugas');
    // A regency ADMIN never manages a deployment-wide ADMIN, even one registered in its regency:
    // resetting that password or second factor would hand it the whole deployment.
    if (account.adminScope === AdminScope.DEPLOYMENT && !isDeploymentAdmin(principal)) {
      throw new DomainError(
        'ADMIN.OUT_OF_SCOPE',
        'Administrator kabupaten/kota tidak berwenang mengelola akun administrator tingkat deployment',
      );
    }
    return account;
  }
}

function assertAdmin(principal: StaffAccountRequest['principal']): void {
  if (principal.role !== Role.ADMIN) {
    throw new DomainError('AUTH.FORBIDDEN', 'Hanya administrator yang dapat mengelola akun petugas');
  }
}
