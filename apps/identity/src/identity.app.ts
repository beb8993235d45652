import { ServiceName } from '#lib/contracts';
import { startServiceApp, type AppLogger, type RunningService } from '#lib/platform';
import type { IdentityConfig } from './config/identity.config.js';
import { IdentityModule } from './identity.module.js';

export function startIdentity(config: IdentityConfig, logger?: AppLogger): Promise<RunningService> {
  return startServiceApp({
    service: ServiceName.IDENTITY,
    config,
    logger,
    rootModule: (parts) => IdentityModule.register(parts),
  });
}
