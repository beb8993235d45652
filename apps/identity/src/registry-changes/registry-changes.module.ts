import { Module } from '@nestjs/common';
import { APP_CONFIG, type BaseConfig } from '#lib/platform/core';
import { EventSealer, valueOrFile } from '#lib/platform/rpc';
import { AccountsModule } from '../accounts/accounts.module.js';
import { IdentifiersModule } from '../identifiers/identifiers.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { ApprovalCheckService } from './approval-check.service.js';
import { RegistryChangeConsumer } from './registry-change.consumer.js';
import { RegistryChangeRepository } from './registry-change.repository.js';
import { REGISTRY_CHANGE_SEALER, RegistryChangeService } from './registry-change.service.js';

@Module({
  imports: [AccountsModule, RegistryModule, IdentifiersModule],
  providers: [
    ApprovalCheckService,
    RegistryChangeRepository,
    RegistryChangeService,
    RegistryChangeConsumer,
    {
      provide: REGISTRY_CHANGE_SEALER,
      inject: [APP_CONFIG],
      useFactory: (config: BaseConfig): EventSealer | undefined => {
        const seed = valueOrFile(config.NATS_NKEY_SEED, config.NATS_NKEY_SEED_FILE);
        return seed === undefined ? undefined : new EventSealer('identity', seed);
      },
    },
  ],
})
export class RegistryChangesModule {}
