import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller.js';
import { VerificationCoalescer } from './verification-coalescer.js';
import { VerificationsController } from './verifications.controller.js';

/** Agency accounts (ADMIN) and the agencies' NIK verification routes. */
@Module({
  controllers: [AgenciesController, VerificationsController],
  providers: [VerificationCoalescer],
})
export class VerificationModule {}
