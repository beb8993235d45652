import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { IdentifiersModule } from '../identifiers/identifiers.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { ApprovalCheckService } from './approval-check.service.js';
import { RegistryChangeConsumer } from './registry-change.consumer.js';
import { RegistryChangeRepository } from './registry-change.repository.js';
import { RegistryChangeService } from './registry-change.service.js';

@Module({
  imports: [AccountsModule, RegistryModule, IdentifiersModule],
  providers: [ApprovalCheckService, RegistryChangeRepository, RegistryChangeService, RegistryChangeConsumer],
})
export class RegistryChangesModule {}
