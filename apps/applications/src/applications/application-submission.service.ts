import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ApplicationView, ResubmitApplicationRequest, SubmitApplicationRequest } from '#lib/contracts';
import { ApplicationAction, applyAction, DomainError, formatApplicationNumber, regionLocalDate } from '#lib/domain';
import { ApplicationRulesService } from '../application-types/application-rules.service.js';
import { actorLabel, applicationNotFound, assertRoleMayEver, residentNik } from './application-actor.js';
import { maySee } from './application-access.js';
import { ApplicationQueryService } from './application-query.service.js';
import { ApplicationEntity } from './application.entity.js';
import { ApplicationRepository } from './application.repository.js';
import { RegistryClient } from '../registry/registry.client.js';

/** Residents apply (`submit`) and, when asked to, correct and send again (`resubmit`). */
@Injectable()
export class ApplicationSubmissionService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly rules: ApplicationRulesService,
    private readonly query: ApplicationQueryService,
    private readonly registry: RegistryClient,
  ) {}

  async submit({ principal, input }: SubmitApplicationRequest): Promise<ApplicationView> {
    assertRoleMayEver(ApplicationAction.SUBMIT, principal);
    const applicantNik = residentNik(principal);
    const status = applyAction(null, ApplicationAction.SUBMIT, principal.role);
    const [checked, applicant] = await Promise.all([
      this.rules.check(input, applicantNik),
      this.registry.persons([applicantNik]),
    ]);
    const now = new Date();
    const id = randomUUID();
    await this.applications.transaction(async (tx) => {
      // The regency's own date (WIB/WITA/WIT): the number a resident quotes at the counter
      // carries the day the office's clock shows, not a fixed UTC+9 one.
      const date = regionLocalDate(checked.regencyCode, now.getTime());
      const sequence = await tx.nextSequence(checked.regencyCode, date);
      const application = Object.assign(new ApplicationEntity(), {
        id,
        number: formatApplicationNumber({ regencyCode: checked.regencyCode, date, sequence }),
        type: input.type,
        status,
        applicantAccountId: principal.accountId,
        applicantNik,
        applicantName: applicant.get(applicantNik)?.fullName ?? null,
        regencyCode: checked.regencyCode,
        familyCardNumber: checked.familyCardNumber,
        details: checked.details,
        expectedEvidence: checked.expectedEvidence,
        verifiedBy: null,
        verifierNip: null,
        verifierNik: null,
        approvedBy: null,
        submittedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(application);
      await tx.addHistory({
        applicationId: id,
        at: now,
        actorAccountId: principal.accountId,
        actor: actorLabel(principal),
        actorRole: principal.role,
        fromStatus: null,
        toStatus: status,
        reason: null,
      });
    });
    return this.query.view(id, principal);
  }

  async resubmit({ principal, applicationId, input }: ResubmitApplicationRequest): Promise<ApplicationView> {
    assertRoleMayEver(ApplicationAction.RESUBMIT, principal);
    const applicantNik = residentNik(principal);
    const current = await this.applications.findById(applicationId);
    if (current === null || !maySee(principal, current)) throw applicationNotFound();
    // Say "not now" before asking the registry anything.
    applyAction(current.status, ApplicationAction.RESUBMIT, principal.role);
    if (input.type !== current.type) {
      throw new DomainError('VALIDATION.FAILED', 'Jenis permohonan tidak dapat diubah', {
        errors: [{ field: 'type', message: `Jenis permohonan harus tetap ${current.type}` }],
      });
    }
    const checked = await this.rules.check(input, applicantNik, applicationId);
    await this.applications.transaction(async (tx) => {
      const application = await tx.lockById(applicationId);
      if (application === null) throw applicationNotFound();
      const from = application.status;
      const to = applyAction(from, ApplicationAction.RESUBMIT, principal.role);
      const now = new Date();
      Object.assign(application, {
        status: to,
        details: checked.details,
        expectedEvidence: checked.expectedEvidence,
        regencyCode: checked.regencyCode,
        familyCardNumber: checked.familyCardNumber,
        // A corrected application is checked again from the start, by whoever takes it.
        verifiedBy: null,
        verifierNip: null,
        verifierNik: null,
        submittedAt: now,
        updatedAt: now,
      });
      await tx.update(application);
      await tx.addHistory({
        applicationId,
        at: now,
        actorAccountId: principal.accountId,
        actor: actorLabel(principal),
        actorRole: principal.role,
        fromStatus: from,
        toStatus: to,
        reason: null,
      });
    });
    return this.query.view(applicationId, principal);
  }
}
