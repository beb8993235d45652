import { Module, type DynamicModule } from '@nestjs/common';
import { Streams } from '#lib/contracts';
import { DatabaseModule } from '#lib/platform/db';
import { EventsModule } from '#lib/platform/events';
import { APP_CONFIG, PlatformModule, type BaseConfig, type PlatformParts } from '#lib/platform/core';
import { ServiceHealth } from '#lib/platform/health';
import { EventSealer, RpcModule } from '#lib/platform/rpc';
import type { DocumentsConfig } from './config/documents.config.js';
import { DocumentAccessService } from './documents/document-access.service.js';
import { DocumentHandler } from './documents/document.handler.js';
import { StaffReadAudit } from './documents/staff-read-audit.js';
import { HealthHandler } from './health/health.handler.js';
import { IssuanceConsumer } from './issuance/issuance.consumer.js';
import { DOCUMENT_SET_SEALER, IssuanceService } from './issuance/issuance.service.js';
import { IssuedDocumentEntity } from './issuance/issued-document.entity.js';
import { IssuedDocumentRepository } from './issuance/issued-document.repository.js';
import { SignedPdfFactory } from './issuance/signed-pdf.factory.js';
import { documentsMigrations } from './migrations/index.js';

@Module({})
export class DocumentsModule {
  static register(parts: PlatformParts & { config: DocumentsConfig }): DynamicModule {
    const { config } = parts;
    return {
      module: DocumentsModule,
      imports: [
        PlatformModule.forApp(parts),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          entities: [IssuedDocumentEntity],
          migrations: documentsMigrations,
        }),
        EventsModule.forRoot({ publishes: Streams.DOCUMENTS }),
        // Only to report staff reads to identity's access log.
        RpcModule.forApp(`documents:${config.INSTANCE_ID ?? process.pid}`),
      ],
      controllers: [HealthHandler, DocumentHandler],
      providers: [
        ServiceHealth,
        IssuedDocumentRepository,
        SignedPdfFactory,
        IssuanceService,
        {
          provide: DOCUMENT_SET_SEALER,
          inject: [APP_CONFIG],
          useFactory: (config: BaseConfig): EventSealer | undefined => EventSealer.fromConfig(config, 'documents'),
        },
        IssuanceConsumer,
        DocumentAccessService,
        StaffReadAudit,
      ],
    };
  }
}
