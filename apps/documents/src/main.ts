import 'reflect-metadata';
import { ConfigError, loadConfig } from '#lib/platform/core';
import { DocumentsConfig } from './config/documents.config.js';
import { startDocuments } from './documents.app.js';

async function main(): Promise<void> {
  const config = loadConfig('documents', DocumentsConfig);
  const service = await startDocuments(config);
  service.app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
