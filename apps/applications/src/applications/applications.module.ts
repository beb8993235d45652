import { Module } from '@nestjs/common';
import { ApplicationRulesService } from '../application-types/application-rules.service.js';
import { AttachmentRepository } from '../attachments/attachment.repository.js';
import { AttachmentService } from '../attachments/attachment.service.js';
import { AttachmentsHandler } from '../attachments/attachments.handler.js';
import { ApplicationIssuanceService } from './application-issuance.service.js';
import { ApplicationQueryService } from './application-query.service.js';
import { ApplicationSubmissionService } from './application-submission.service.js';
import { OwnFamilyService } from './own-family.js';
import { ApplicationWorkflowService } from './application-workflow.service.js';
import { ApplicationRepository } from './application.repository.js';
import { ApplicationsHandler } from './applications.handler.js';

/** Applications and their evidence. Needs the RegistryClient (RegistryModule) from the root. */
@Module({
  controllers: [ApplicationsHandler, AttachmentsHandler],
  providers: [
    ApplicationRepository,
    ApplicationRulesService,
    ApplicationQueryService,
    ApplicationSubmissionService,
    ApplicationWorkflowService,
    ApplicationIssuanceService,
    OwnFamilyService,
    AttachmentRepository,
    AttachmentService,
  ],
  exports: [ApplicationIssuanceService],
})
export class ApplicationsFeatureModule {}
