import { Module, type DynamicModule } from '@nestjs/common';
import type { AppLogger } from './logging/logger.js';
import { Metrics } from './metrics/metrics.js';
import { APP_CONFIG, APP_LOGGER } from './platform.tokens.js';

export interface PlatformParts {
  config: object;
  logger: AppLogger;
  metrics: Metrics;
}

/** Makes an app's configuration, logger and metrics injectable everywhere in it. */
@Module({})
export class PlatformModule {
  static forApp(parts: PlatformParts): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: parts.config },
        { provide: APP_LOGGER, useValue: parts.logger },
        { provide: Metrics, useValue: parts.metrics },
      ],
      exports: [APP_CONFIG, APP_LOGGER, Metrics],
    };
  }
}
