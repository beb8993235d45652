import { Module, type DynamicModule } from '@nestjs/common';
import { ClientProxyFactory } from '@nestjs/microservices';
import { natsClientOptions } from '#lib/platform/rpc';
import { IDENTITY_CLIENT, RegistryClient } from './registry.client.js';

/** The applications service's own NATS connection for asking the registry. */
@Module({})
export class RegistryModule {
  static register(natsUrl: string, clientName: string): DynamicModule {
    return {
      module: RegistryModule,
      global: true,
      providers: [
        {
          provide: IDENTITY_CLIENT,
          useFactory: () => ClientProxyFactory.create(natsClientOptions(natsUrl, clientName)),
        },
        RegistryClient,
      ],
      exports: [RegistryClient],
    };
  }
}
