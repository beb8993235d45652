import { Module, type DynamicModule } from '@nestjs/common';
import { DatabaseModule, PlatformModule, ServiceHealth, type PlatformParts } from '#lib/platform';
import type { DocumentsConfig } from './config/documents.config.js';
import { HealthHandler } from './health/health.handler.js';
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
          entities: [],
          migrations: documentsMigrations,
        }),
      ],
      controllers: [HealthHandler],
      providers: [ServiceHealth],
    };
  }
}
