import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { PlatformModule, type PlatformParts } from '#lib/platform/core';
import { RpcModule } from '#lib/platform/rpc';
import type { GatewayConfig } from './config/gateway.config.js';
import { ApplicationsModule } from './applications/applications.module.js';
import { AuthModule } from './auth/auth.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { HealthModule } from './health/health.module.js';
import { ProblemFilter } from './http/problem.filter.js';
import { RegistryModule } from './registry/registry.module.js';
import { VerificationModule } from './verification/verification.module.js';
import { WebModule } from './web/web.module.js';

@Module({})
export class GatewayModule {
  static register(parts: PlatformParts & { config: GatewayConfig }): DynamicModule {
    const { config } = parts;
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forApp(parts),
        RpcModule.forApp(`gateway:${config.INSTANCE_ID ?? process.pid}`),
        HealthModule,
        AuthModule,
        RegistryModule,
        DocumentsModule,
        ApplicationsModule,
        VerificationModule,
        WebModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
