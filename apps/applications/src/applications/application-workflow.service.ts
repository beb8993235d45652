import { Injectable } from '@nestjs/common';
import type {
  ApplicationActionRequest,
  ApplicationApprovedEvent,
  ApplicationView,
  Principal,
  ReasonedActionRequest,
  VerifyApplicationRequest,
} from '#lib/contracts';
import { ApplicationAction, applyAction, assertFourEyes, DomainError } from '#lib/domain';
import { RegistryClient, type StaffProfile } from '../registry/registry.client.js';
import { actorLabel, applicationNotFound, assertRoleMayEver } from './application-actor.js';
import { maySee, personOf, verifierOf } from './application-access.js';
import { ApplicationQueryService } from './application-query.service.js';
import type { ApplicationEntity } from './application.entity.js';
import { ApplicationRepository, type ApplicationTransaction } from './application.repository.js';
import { isOwnFamily, OwnFamilyService, ownFamilyRefused } from './own-family.js';

interface Step {
  principal: Principal;
  applicationId: string;
  action: ApplicationAction;
  reason?: string;
  /** For staff only: never in the applicant's view. */
  internalNote?: string;
  /** Runs inside the transaction, after the status changed and before the history row. */
  alsoDo?: (tx: ApplicationTransaction, application: ApplicationEntity, at: Date) => Promise<void>;
}

/**
 * Every step of the life cycle after submission (DOMAIN.md "Application life cycle"): the
 * status machine of libs/domain decides, the region and ownership rules say who may ask, and
 * each step is one transaction holding the application's row lock, with its history row.
 */
@Injectable()
export class ApplicationWorkflowService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly query: ApplicationQueryService,
    private readonly registry: RegistryClient,
    private readonly ownFamily: OwnFamilyService,
  ) {}

  cancel({ principal, applicationId }: ApplicationActionRequest): Promise<ApplicationView> {
    return this.step({ principal, applicationId, action: ApplicationAction.CANCEL });
  }

  /** `note` is for the official (internal); `message` is what the applicant reads. */
  verify({ principal, applicationId, note, message }: VerifyApplicationRequest): Promise<ApplicationView> {
    return this.step({
      principal,
      applicationId,
      action: ApplicationAction.VERIFY,
      reason: message,
      internalNote: note,
      alsoDo: (_tx, application) => {
        // The verifier as a person, from the verified token: approval compares people.
        application.verifiedBy = principal.accountId;
        application.verifierNip = principal.nip ?? null;
        application.verifierNik = principal.staffNik ?? null;
        return Promise.resolve();
      },
    });
  }

  return({ principal, applicationId, reason }: ReasonedActionRequest): Promise<ApplicationView> {
    return this.step({ principal, applicationId, action: ApplicationAction.RETURN, reason });
  }

  reject({ principal, applicationId, reason }: ReasonedActionRequest): Promise<ApplicationView> {
    return this.step({ principal, applicationId, action: ApplicationAction.REJECT, reason });
  }

  /**
   * Approval commits the status and the hand-off event together (the outbox): identity applies
   * it to the registry, documents issues the set, and `recordIssued` closes the application.
   */
  async approve({ principal, applicationId }: ApplicationActionRequest): Promise<ApplicationView> {
    assertRoleMayEver(ApplicationAction.APPROVE, principal);
    // Fail fast (and outside the row lock) on what can be judged before asking identity.
    const current = await this.applications.findById(applicationId);
    if (current === null || !maySee(principal, current)) throw applicationNotFound();
    applyAction(current.status, ApplicationAction.APPROVE, principal.role);
    assertFourEyes(verifierOf(current), personOf(principal));
    const official = signingOfficial(await this.registry.staffProfile(principal));
    return this.step({
      principal,
      applicationId,
      action: ApplicationAction.APPROVE,
      alsoDo: async (tx, application, at) => {
        if (application.verifiedBy === null) {
          // APPROVE is allowed from VERIFIED only, which always names its verifier.
          throw new DomainError('APPLICATION.INVALID_TRANSITION', 'Permohonan belum diverifikasi');
        }
        assertFourEyes(verifierOf(application), personOf(principal));
        application.approvedBy = principal.accountId;
        // The application's state goes with it: identity checks the approval before acting.
        const event: ApplicationApprovedEvent = {
          applicationId: application.id,
          number: application.number,
          status: application.status,
          verifiedBy: application.verifiedBy,
          type: application.type,
          regencyCode: application.regencyCode,
          applicantNik: application.applicantNik,
          details: application.details,
          approvedAt: at.toISOString(),
          official: { ...official, role: principal.role },
        };
        await tx.enqueueApproved(event);
      },
    });
  }

  private async step({
    principal,
    applicationId,
    action,
    reason,
    internalNote,
    alsoDo,
  }: Step): Promise<ApplicationView> {
    assertRoleMayEver(action, principal);
    // Outside the row lock: the staff member's family, from their token's NIK and the registry.
    const staffFamily = await this.ownFamily.of(principal);
    await this.applications.transaction(async (tx) => {
      const application = await tx.lockById(applicationId);
      if (application === null || !maySee(principal, application)) throw applicationNotFound();
      if (isOwnFamily(staffFamily, application)) throw ownFamilyRefused();
      const from = application.status;
      const to = applyAction(from, action, principal.role);
      const at = new Date();
      application.status = to;
      application.updatedAt = at;
      await alsoDo?.(tx, application, at);
      await tx.update(application);
      await tx.addHistory({
        applicationId,
        at,
        actorAccountId: principal.accountId,
        actor: actorLabel(principal),
        actorRole: principal.role,
        fromStatus: from,
        toStatus: to,
        reason: reason ?? null,
        internalNote: internalNote ?? null,
      });
    });
    return this.query.view(applicationId, principal, staffFamily);
  }
}

/** The official as documents print them: without a name and NIP nothing can be signed. */
function signingOfficial(profile: StaffProfile): Omit<ApplicationApprovedEvent['official'], 'role'> {
  if (profile.fullName === undefined || profile.nip === undefined || !/^\d{18}$/.test(profile.nip)) {
    throw new DomainError(
      'SERVICE.UNAVAILABLE',
      'Nama dan NIP pejabat penyetuju tidak tersedia dari layanan identitas; persetujuan belum dapat dicatat',
      { details: { service: 'identity' } },
    );
  }
  return { accountId: profile.accountId, fullName: profile.fullName, nip: profile.nip };
}
