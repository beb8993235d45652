import { Global, Module } from '@nestjs/common';
import { RegistryClient } from './registry.client.js';
import { StaffReadAudit } from './staff-read-audit.js';

/** The registry questions of this service, for every module (needs RpcModule at the root). */
@Global()
@Module({
  providers: [RegistryClient, StaffReadAudit],
  exports: [RegistryClient, StaffReadAudit],
})
export class RegistryModule {}
