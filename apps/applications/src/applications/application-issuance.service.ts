import { Inject, Injectable } from '@nestjs/common';
import type { DocumentSetIssuedEvent } from '#lib/contracts';
import { ApplicationAction, ApplicationStatus, applyAction, SYSTEM_ACTOR } from '#lib/domain';
import { APP_LOGGER, type AppLogger } from '#lib/platform/core';
import { SYSTEM_ACTOR_LABEL } from './application-actor.js';
import { ApplicationDocumentEntity } from './application-document.entity.js';
import { ApplicationRepository } from './application.repository.js';

/**
 * The end of the hand-off: documents issued an approved application's set, so it becomes
 * ISSUED with its document list. Events may arrive more than once: a redelivery changes nothing.
 */
@Injectable()
export class ApplicationIssuanceService {
  constructor(
    private readonly applications: ApplicationRepository,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  async recordIssued(event: DocumentSetIssuedEvent): Promise<void> {
    await this.applications.transaction(async (tx) => {
      const application = await tx.lockById(event.applicationId);
      if (application === null) {
        // Not ours to retry forever: nothing will ever create it. Logged for the operators.
        this.logger.error({ applicationId: event.applicationId }, 'Documents issued for an unknown application');
        return;
      }
      if (application.status === ApplicationStatus.ISSUED) return;
      if (application.status !== ApplicationStatus.APPROVED) {
        this.logger.error(
          { applicationId: application.id, status: application.status },
          'Documents issued for an application that is not approved; left as it is',
        );
        return;
      }
      const to = applyAction(application.status, ApplicationAction.ISSUE, SYSTEM_ACTOR);
      const at = new Date();
      application.status = to;
      application.updatedAt = at;
      await tx.update(application);
      await tx.addDocuments(
        event.documents.map((document, position) =>
          Object.assign(new ApplicationDocumentEntity(), {
            applicationId: application.id,
            documentId: document.id,
            kind: document.kind,
            number: document.number,
            position,
          }),
        ),
      );
      await tx.addHistory({
        applicationId: application.id,
        at,
        actorAccountId: null,
        actor: SYSTEM_ACTOR_LABEL,
        actorRole: SYSTEM_ACTOR,
        fromStatus: ApplicationStatus.APPROVED,
        toStatus: to,
        reason: null,
      });
    });
  }
}
