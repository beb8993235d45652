import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller.js';
import { VerificationsController } from './verifications.controller.js';

/** Agency accounts (ADMIN) and the agencies' NIK verification routes. */
@Module({
  controllers: [AgenciesController, VerificationsController],
})
export class VerificationModule {}
