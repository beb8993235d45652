import { ServiceName } from '#lib/contracts';
import { startServiceApp, type RunningService } from '#lib/platform/bootstrap';
import { type AppLogger } from '#lib/platform/core';
import type { IdentityConfig } from './config/identity.config.js';
import { IdentityModule } from './identity.module.js';
import { VerificationHandler } from './verification/verification.handler.js';

export function startIdentity(config: IdentityConfig, logger?: AppLogger): Promise<RunningService> {
  return startServiceApp({
    service: ServiceName.IDENTITY,
    config,
    logger,
    rootModule: (parts) => IdentityModule.register(parts),
    plainRpc: (app) => app.get(VerificationHandler).routes(),
  });
}
