import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ClientProxyFactory } from '@nestjs/microservices';
import { natsClientOptions } from '#lib/platform/rpc';
import { NATS_CLIENT, ServiceClient } from './service-client.js';

/** One NATS connection per gateway replica, shared by every area's controllers. */
@Global()
@Module({})
export class ServicesModule {
  static register(natsUrl: string, clientName: string): DynamicModule {
    return {
      module: ServicesModule,
      providers: [
        { provide: NATS_CLIENT, useFactory: () => ClientProxyFactory.create(natsClientOptions(natsUrl, clientName)) },
        ServiceClient,
      ],
      exports: [ServiceClient],
    };
  }
}
