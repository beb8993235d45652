import { Module, type DynamicModule } from '@nestjs/common';
import { ClientProxyFactory } from '@nestjs/microservices';
import type { BaseConfig } from '../config/base.config.js';
import type { AppLogger } from '../logging/logger.js';
import { Metrics } from '../metrics/metrics.js';
import { natsClientOptions } from '../nats/nats-options.js';
import { APP_CONFIG, APP_LOGGER } from '../platform.tokens.js';
import { RpcClient, type RpcHeaderSource } from './rpc-client.js';

/** Optional provider of extra request headers (see RpcHeaderSource). */
export const RPC_HEADER_SOURCE = Symbol('RPC_HEADER_SOURCE');

/**
 * Makes the app's one `RpcClient` injectable everywhere in it, over one NATS connection per
 * replica named `<app>:<instance>` (needs PlatformModule for configuration, logger, metrics).
 */
@Module({})
export class RpcModule {
  static forApp(clientName: string): DynamicModule {
    return {
      module: RpcModule,
      global: true,
      providers: [
        {
          provide: RpcClient,
          inject: [APP_CONFIG, APP_LOGGER, Metrics, { token: RPC_HEADER_SOURCE, optional: true }],
          useFactory: (config: BaseConfig, logger: AppLogger, metrics: Metrics, headerSource?: RpcHeaderSource) =>
            new RpcClient(ClientProxyFactory.create(natsClientOptions(config.NATS_URL, clientName)), {
              timeoutMs: config.NATS_TIMEOUT_MS,
              logger,
              metrics,
              headerSource,
            }),
        },
      ],
      exports: [RpcClient],
    };
  }
}
