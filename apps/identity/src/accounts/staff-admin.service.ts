import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import {
  PAGE_DEFAULT_LIMIT,
  type ListStaffRequest,
  type Page,
  type ResetPasswordReply,
  type StaffAccountRequest,
  type StaffView,
} from '#lib/contracts';
import { DomainError, STAFF_ROLES } from '#lib/domain';
import { AccountSessionsService } from './account-sessions.service.js';
import type { Account } from './account.rows.js';
import { AccountRepository } from './account.repository.js';
import { assertAdminMayManage } from './admin-scope.js';
import { toStaffView } from './account.mapper.js';
import { PasswordHasher } from './password-hasher.js';

/** A temporary password: 16 letters and digits without look-alikes (about 80 bits). */
function temporaryPassword(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/**
 * `GET /admin/staff`, `POST /admin/staff/{id}/disable|enable|reset-password`: an ADMIN looks after
 * the staff accounts. Disabling or resetting revokes the account's tokens at once, on every gateway.
 */
@Injectable()
export class StaffAdminService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly revocation: AccountSessionsService,
  ) {}

  async list({ principal, limit, offset }: ListStaffRequest): Promise<Page<StaffView>> {
    assertAdminMayManage(principal, null);
    const page = await this.accounts.listStaff(limit ?? PAGE_DEFAULT_LIMIT, offset ?? 0);
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

  private async staffAccount(principal: StaffAccountRequest['principal'], staffId: string): Promise<Account> {
    assertAdminMayManage(principal, null);
    const account = await this.accounts.findAnyById(staffId);
    if (account === null || !(STAFF_ROLES as readonly string[]).includes(account.role)) {
      throw new DomainError('STAFF.NOT_FOUND', 'Akun petugas tidak ditemukan');
    }
    assertAdminMayManage(principal, account.regencyCode);
    return account;
  }
}
