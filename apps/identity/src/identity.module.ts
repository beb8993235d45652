import { Module, type DynamicModule } from '@nestjs/common';
import { DatabaseModule, PlatformModule, ServiceHealth, type PlatformParts } from '#lib/platform';
import type { IdentityConfig } from './config/identity.config.js';
import { HealthHandler } from './health/health.handler.js';
import { identityMigrations } from './migrations/index.js';

@Module({})
export class IdentityModule {
  static register(parts: PlatformParts & { config: IdentityConfig }): DynamicModule {
    const { config } = parts;
    return {
      module: IdentityModule,
      imports: [
        PlatformModule.forApp(parts),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          entities: [],
          migrations: identityMigrations,
        }),
      ],
      controllers: [HealthHandler],
      providers: [ServiceHealth],
    };
  }
}
