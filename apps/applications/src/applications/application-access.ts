import type { Principal } from '#lib/contracts';
import { allowedActions, Role, type ApplicationAction, type ApplicationStatus } from '#lib/domain';

/** What the access rules need to know of an application. */
export interface AccessFacts {
  applicantAccountId: string;
  regencyCode: string;
  status: string;
  /** Who verified it: that person may not approve it (four-eyes rule). */
  verifiedBy?: string | null;
}

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

/** The actions this caller may take on this application now: the buttons, and what a 409 lists. */
export function actionsFor(principal: Principal, application: AccessFacts): ApplicationAction[] {
  if (!maySee(principal, application)) return [];
  // Creating is not an action on an existing application.
  // The four-eyes rule removes `approve` for the one who verified, so it is never offered.
  return allowedActions(application.status as ApplicationStatus, principal.role).filter(
    (action) => action !== 'submit' && !(action === 'approve' && application.verifiedBy === principal.accountId),
  );
}
