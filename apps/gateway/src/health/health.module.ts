import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';

@Module({ imports: [AuthModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
