import type { AccountView, StaffView } from '#lib/contracts';
import { AdminScope, Role, STAFF_ROLES, type StaffRole } from '#lib/domain';
import type { Account } from './account.rows.js';

/** `GET /me`: what an account may know of itself (never its password hash). */
export function toAccountView(account: Account, residentRegencyCode?: string): AccountView {
  const view: AccountView = { id: account.id, role: account.role as Role };
  if (account.nik !== null) view.nik = account.nik;
  if (account.username !== null) view.username = account.username;
  const regencyCode = account.regencyCode ?? residentRegencyCode;
  if (regencyCode !== undefined) view.regencyCode = regencyCode;
  if (account.fullName !== null) view.fullName = account.fullName;
  if (account.nip !== null) view.nip = account.nip;
  if (account.role === Role.ADMIN) view.adminScope = (account.adminScope as AdminScope | null) ?? AdminScope.REGENCY;
  if (account.staffNik !== null) view.staffNik = account.staffNik;
  if ((STAFF_ROLES as readonly string[]).includes(account.role)) view.mfaEnabled = account.mfaEnabled;
  return view;
}

/** A staff account as an ADMIN sees it (`GET /admin/staff`). */
export function toStaffView(account: Account): StaffView {
  const view: StaffView = {
    id: account.id,
    username: account.username ?? '',
    fullName: account.fullName ?? '',
    role: account.role as StaffRole,
    regencyCode: account.regencyCode ?? '',
    disabled: account.disabledAt !== null,
    mfaEnabled: account.mfaEnabled,
    passwordChangeRequired: account.passwordChangeRequired,
  };
  if (account.nip !== null) view.nip = account.nip;
  if (account.lastLoginAt !== null) view.lastLoginAt = account.lastLoginAt.toISOString();
  return view;
}
