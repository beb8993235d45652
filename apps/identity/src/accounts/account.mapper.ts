import type { AccountView } from '#lib/contracts';
import type { Role } from '#lib/domain';
import type { AccountEntity } from './account.entity.js';

/** `GET /me`: what an account may know of itself (never its password hash). */
export function toAccountView(account: AccountEntity, residentRegencyCode?: string): AccountView {
  const view: AccountView = { id: account.id, role: account.role as Role };
  if (account.nik !== null) view.nik = account.nik;
  if (account.username !== null) view.username = account.username;
  const regencyCode = account.regencyCode ?? residentRegencyCode;
  if (regencyCode !== undefined) view.regencyCode = regencyCode;
  if (account.fullName !== null) view.fullName = account.fullName;
  if (account.nip !== null) view.nip = account.nip;
  return view;
}
