import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module.js';
import { RegistryHandler } from './registry.handler.js';
import { RegistryLookupService } from './registry-lookup.service.js';
import { RegistryReadService } from './registry-read.service.js';
import { RegistryRepository } from './registry.repository.js';

@Module({
  imports: [AccessLogModule],
  controllers: [RegistryHandler],
  providers: [RegistryRepository, RegistryReadService, RegistryLookupService],
  exports: [RegistryRepository],
})
export class RegistryModule {}
