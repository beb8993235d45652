import { Module } from '@nestjs/common';
import { APP_CONFIG, type BaseConfig } from '#lib/platform/core';
import { EventSealer } from '#lib/platform/rpc';
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
      useFactory: (config: BaseConfig): EventSealer | undefined => EventSealer.fromConfig(config, 'identity'),
    },
  ],
})
export class RegistryChangesModule {}
