import { ServiceName } from '#lib/contracts';
import { startServiceApp, type RunningService } from '#lib/platform/bootstrap';
import { type AppLogger } from '#lib/platform/core';
import type { ApplicationsConfig } from './config/applications.config.js';
import { ApplicationsModule } from './applications.module.js';

export function startApplications(config: ApplicationsConfig, logger?: AppLogger): Promise<RunningService> {
  return startServiceApp({
    service: ServiceName.APPLICATIONS,
    config,
    logger,
    rootModule: (parts) => ApplicationsModule.register(parts),
  });
}
