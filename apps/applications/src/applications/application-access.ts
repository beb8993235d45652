import type { Principal } from '#lib/contracts';
import { allowedActions, isSamePerson, Role, type ApplicationAction, type ApplicationStatus } from '#lib/domain';

/** What the access rules need to know of an application. */
export interface AccessFacts {
  applicantAccountId: string;
  regencyCode: string;
  status: string;
  /** Who verified it: that person may not approve it (four-eyes rule). */
  verifiedBy?: string | null;
  /** The verifier as a person: the same NIP or NIK under another account is the same person. */
  verifierNip?: string | null;
  verifierNik?: string | null;
}

/** The verifier of an application as a person, or null when nobody verified it. */
export function verifierOf(
  application: AccessFacts,
): { accountId: string; nip?: string | null; nik?: string | null } | null {
  if (application.verifiedBy === null || application.verifiedBy === undefined) return null;
  return { accountId: application.verifiedBy, nip: application.verifierNip, nik: application.verifierNik };
}

/** The caller as a person (staff: account, NIP and NIK from the verified token). */
export function personOf(principal: Principal): { accountId: string; nip?: string; nik?: string } {
  return { accountId: principal.accountId, nip: principal.nip, nik: principal.staffNik };
}

/** The actions a clerk or official may not take on their own family's application. */
const STAFF_ACTIONS: readonly ApplicationAction[] = ['verify', 'return', 'reject', 'approve'];

/**
 * Who may see an application (DOMAIN.md region rule; API.md "owner or staff of its regency"):
 * the resident who applied, and clerks and officials of the regency where the family lives.
 * Anyone else is told it does not exist.
 */
export function maySee(principal: Principal, application: AccessFacts): boolean {
  switch (principal.role) {
    case Role.RESIDENT:
      return application.applicantAccountId === principal.accountId;
    case Role.CLERK:
    case Role.OFFICIAL:
      return principal.regencyCode !== undefined && principal.regencyCode === application.regencyCode;
    case Role.ADMIN:
    case Role.AGENCY:
      return false;
  }
}

/**
 * The actions this caller may take on this application now: the buttons, and what a 409 lists.
 * `ownFamily`: the application is of the caller's own family (no staff action is offered).
 */
export function actionsFor(principal: Principal, application: AccessFacts, ownFamily = false): ApplicationAction[] {
  if (!maySee(principal, application)) return [];
  const verifier = verifierOf(application);
  // Creating is not an action on an existing application.
  // The four-eyes rule removes `approve` for the person who verified, so it is never offered.
  return allowedActions(application.status as ApplicationStatus, principal.role).filter(
    (action) =>
      action !== 'submit' &&
      !(action === 'approve' && verifier !== null && isSamePerson(verifier, personOf(principal))) &&
      !(ownFamily && STAFF_ACTIONS.includes(action)),
  );
}
