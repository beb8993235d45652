import { Module, type DynamicModule } from '@nestjs/common';
import { DatabaseModule, PlatformModule, ServiceHealth, type PlatformParts } from '#lib/platform';
import type { ApplicationsConfig } from './config/applications.config.js';
import { HealthHandler } from './health/health.handler.js';
import { applicationsMigrations } from './migrations/index.js';

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
          entities: [],
          migrations: applicationsMigrations,
        }),
      ],
      controllers: [HealthHandler],
      providers: [ServiceHealth],
    };
  }
}
