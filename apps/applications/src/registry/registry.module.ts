import { Global, Module } from '@nestjs/common';
import { RegistryClient } from './registry.client.js';

/** The registry questions of this service, for every module (needs RpcModule at the root). */
@Global()
@Module({
  providers: [RegistryClient],
  exports: [RegistryClient],
})
export class RegistryModule {}
