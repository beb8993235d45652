import { Module, type DynamicModule } from '@nestjs/common';
import { Streams } from '#lib/contracts';
import { DatabaseModule } from '#lib/platform/db';
import { EventsModule } from '#lib/platform/events';
import { IdempotencyModule } from '#lib/platform/idempotency';
import { PlatformModule, type PlatformParts } from '#lib/platform/core';
import { ServiceHealth } from '#lib/platform/health';
import { RpcModule } from '#lib/platform/rpc';
import { ApplicationDocumentEntity } from './applications/application-document.entity.js';
import { ApplicationHistoryEntity } from './applications/application-history.entity.js';
import { ApplicationEntity } from './applications/application.entity.js';
import { ApplicationsFeatureModule } from './applications/applications.module.js';
import { AttachmentEntity } from './attachments/attachment.entity.js';
import type { ApplicationsConfig } from './config/applications.config.js';
import { HandOffModule } from './hand-off/hand-off.module.js';
import { HealthHandler } from './health/health.handler.js';
import { applicationsMigrations } from './migrations/index.js';
import { RegistryModule } from './registry/registry.module.js';

@Module({})
export class ApplicationsModule {
  static register(parts: PlatformParts & { config: ApplicationsConfig }): DynamicModule {
    const { config } = parts;
    return {
      module: ApplicationsModule,
      imports: [
        PlatformModule.forApp(parts),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          entities: [ApplicationEntity, ApplicationHistoryEntity, ApplicationDocumentEntity, AttachmentEntity],
          migrations: applicationsMigrations,
        }),
        RpcModule.forApp(`applications:${config.INSTANCE_ID ?? process.pid}`),
        RegistryModule,
        ApplicationsFeatureModule,
        EventsModule.forRoot({ publishes: Streams.APPLICATIONS }),
        IdempotencyModule,
        HandOffModule,
      ],
      controllers: [HealthHandler],
      providers: [ServiceHealth],
    };
  }
}
