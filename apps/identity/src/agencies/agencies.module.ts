import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AgenciesHandler } from './agencies.handler.js';
import { AgencyTokenService } from './agency-token.service.js';
import { AgencyRepository } from './agency.repository.js';
import { AgencyService } from './agency.service.js';

/** Agency accounts, their agreements (fields, quota), suspension and client-credentials tokens. */
@Module({
  imports: [AuthModule],
  controllers: [AgenciesHandler],
  providers: [AgencyRepository, AgencyService, AgencyTokenService],
  exports: [AgencyRepository],
})
export class AgenciesModule {}
