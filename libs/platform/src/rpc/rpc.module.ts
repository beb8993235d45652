import { Module, type DynamicModule } from '@nestjs/common';
import { ClientProxyFactory } from '@nestjs/microservices';
import type { BaseConfig } from '../config/base.config.js';
import type { AppLogger } from '../logging/logger.js';
import { Metrics } from '../metrics/metrics.js';
import { CallerSigner, valueOrFile } from '../nats/nats-identity.js';
import { natsAuthOf, natsClientOptions } from '../nats/nats-options.js';
import { CallerAssertionSource } from './caller-assertion.js';
import { APP_CONFIG, APP_LOGGER } from '../platform.tokens.js';
import { RpcClient, type RpcHeaderSource } from './rpc-client.js';

/** Optional provider of extra request headers (see RpcHeaderSource). */
export const RPC_HEADER_SOURCE = Symbol('RPC_HEADER_SOURCE');

/** The caller assertion, then whatever an app's own RPC_HEADER_SOURCE adds. */
function headerSources(sources: RpcHeaderSource[]): RpcHeaderSource {
  return {
    async headersFor(rpc) {
      const all: Record<string, string> = {};
      for (const source of sources) Object.assign(all, await source.headersFor(rpc));
      return all;
    },
  };
}

/**
 * Makes the app's one `RpcClient` injectable everywhere in it, over one NATS connection per
 * replica named `<app>:<instance>` (needs PlatformModule for configuration, logger, metrics).
 * The connection authenticates with the app's nkey (NATS_NKEY_SEED[_FILE]), which also signs
 * the `x-caller` assertion of every request (CallerAssertionSource).
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
          useFactory: (config: BaseConfig, logger: AppLogger, metrics: Metrics, headerSource?: RpcHeaderSource) => {
            const app = clientName.split(':')[0];
            const seed = valueOrFile(config.NATS_NKEY_SEED, config.NATS_NKEY_SEED_FILE);
            const assertions = new CallerAssertionSource(seed === undefined ? undefined : new CallerSigner(app, seed));
            return new RpcClient(
              ClientProxyFactory.create(natsClientOptions(config.NATS_URL, clientName, natsAuthOf(config, app))),
              {
                timeoutMs: config.NATS_TIMEOUT_MS,
                logger,
                metrics,
                headerSource: headerSources(headerSource === undefined ? [assertions] : [assertions, headerSource]),
              },
            );
          },
        },
      ],
      exports: [RpcClient],
    };
  }
}
