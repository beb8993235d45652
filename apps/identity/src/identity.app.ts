import { ServiceName } from '#lib/contracts';
import { startServiceApp, type RunningService } from '#lib/platform/bootstrap';
import { type AppLogger } from '#lib/platform/core';
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
