import { ServiceName } from '#lib/contracts';
import { startServiceApp, type RunningService } from '#lib/platform/bootstrap';
import { type AppLogger } from '#lib/platform/core';
import type { DocumentsConfig } from './config/documents.config.js';
import { DocumentsModule } from './documents.module.js';

export function startDocuments(config: DocumentsConfig, logger?: AppLogger): Promise<RunningService> {
  return startServiceApp({
    service: ServiceName.DOCUMENTS,
    config,
    logger,
    rootModule: (parts) => DocumentsModule.register(parts),
  });
}
