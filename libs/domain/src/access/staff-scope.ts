import { Role } from '../enums/services.js';

/**
 * How far an ADMIN's hand reaches (API.md "Sessions and account security"): the first ADMIN,
 * from the environment, is deployment-wide; an ADMIN it creates acts only within its own
 * regency unless it was created with `"scope": "DEPLOYMENT"`.
 */
export const AdminScope = {
  DEPLOYMENT: 'DEPLOYMENT',
  REGENCY: 'REGENCY',
} as const;
export type AdminScope = (typeof AdminScope)[keyof typeof AdminScope];
export const ADMIN_SCOPES = Object.values(AdminScope);

/** What the scope rule needs to know of who acts (a verified principal has these fields). */
export interface ScopedActor {
  role: string;
  regencyCode?: string;
  adminScope?: string;
}

/** True when the actor is an ADMIN whose reach is the whole deployment. */
export function isDeploymentAdmin(actor: ScopedActor): boolean {
  return actor.role === Role.ADMIN && actor.adminScope === AdminScope.DEPLOYMENT;
}

/**
 * May this actor manage (create staff in, import rows of, revoke documents of, read residents
 * of) the regency `regencyCode`? Only an ADMIN: a deployment-wide one anywhere, any other in its
 * own regency only. An ADMIN without a regency manages nothing but what deployment scope gives.
 */
export function adminMayManage(actor: ScopedActor, regencyCode: string | null | undefined): boolean {
  if (actor.role !== Role.ADMIN) return false;
  if (actor.adminScope === AdminScope.DEPLOYMENT) return true;
  return (
    actor.regencyCode !== undefined &&
    regencyCode !== null &&
    regencyCode !== undefined &&
    actor.regencyCode === regencyCode
  );
}

/** A member of staff as a person: the account, and the NIP and NIK that name the human behind it. */
export interface StaffPerson {
  accountId: string;
  nip?: string | null;
  nik?: string | null;
}

/**
 * Four-eyes compares people, not accounts: two staff accounts are the same person when they
 * are the same account, or carry the same NIP, or the same NIK.
 */
export function isSamePerson(a: StaffPerson, b: StaffPerson): boolean {
  if (a.accountId === b.accountId) return true;
  if (a.nip && b.nip && a.nip === b.nip) return true;
  return Boolean(a.nik && b.nik && a.nik === b.nik);
}
