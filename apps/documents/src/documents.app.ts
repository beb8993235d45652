import { ServiceName } from '#lib/contracts';
import { startServiceApp, type AppLogger, type RunningService } from '#lib/platform';
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
