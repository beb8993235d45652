import { Module, type DynamicModule } from '@nestjs/common';
import { Streams } from '#lib/contracts';
import { DatabaseModule } from '#lib/platform/db';
import { EventsModule } from '#lib/platform/events';
import { IdempotencyModule } from '#lib/platform/idempotency';
import { PlatformModule, type PlatformParts } from '#lib/platform/core';
import { ServiceHealth } from '#lib/platform/health';
import { AccessLogAnchorService } from './access-log/access-log-anchor.service.js';
import { AccessLogModule } from './access-log/access-log.module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { AgenciesModule } from './agencies/agencies.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { IdentityConfig } from './config/identity.config.js';
import { HealthHandler } from './health/health.handler.js';
import { IdentifiersModule } from './identifiers/identifiers.module.js';
import { ImportModule } from './import/import.module.js';
import { identityMigrations } from './migrations/index.js';
import { RegistryModule } from './registry/registry.module.js';
import { RegistryChangesModule } from './registry-changes/registry-changes.module.js';
import { VerificationModule } from './verification/verification.module.js';

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
          // Repositories query with SQL over row types (*.rows.ts): no TypeORM entities.
          entities: [],
          migrations: identityMigrations,
        }),
        RegistryModule,
        AccessLogModule,
        AccountsModule,
        AuthModule,
        IdentifiersModule,
        ImportModule,
        EventsModule.forRoot({ publishes: Streams.IDENTITY }),
        IdempotencyModule,
        RegistryChangesModule,
        AgenciesModule,
        VerificationModule,
      ],
      controllers: [HealthHandler],
      providers: [ServiceHealth, AccessLogAnchorService],
    };
  }
}
