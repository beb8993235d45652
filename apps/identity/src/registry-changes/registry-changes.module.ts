import { Module } from '@nestjs/common';
import { IdentifiersModule } from '../identifiers/identifiers.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { RegistryChangeConsumer } from './registry-change.consumer.js';
import { RegistryChangeRepository } from './registry-change.repository.js';
import { RegistryChangeService } from './registry-change.service.js';

@Module({
  imports: [RegistryModule, IdentifiersModule],
  providers: [RegistryChangeRepository, RegistryChangeService, RegistryChangeConsumer],
})
export class RegistryChangesModule {}
