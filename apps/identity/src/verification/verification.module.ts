import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module.js';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AgencyQuotaRepository } from './agency-quota.repository.js';
import { VerificationHandler } from './verification.handler.js';
import { VerificationRepository } from './verification.repository.js';
import { VerificationService } from './verification.service.js';

/** NIK verification for agencies: match results, quota, and the subject's access log. */
@Module({
  imports: [AgenciesModule, AccessLogModule],
  controllers: [VerificationHandler],
  providers: [VerificationRepository, AgencyQuotaRepository, VerificationService],
})
export class VerificationModule {}
