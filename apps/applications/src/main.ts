import 'reflect-metadata';
import { ConfigError, loadConfig } from '#lib/platform/core';
import { ApplicationsConfig } from './config/applications.config.js';
import { startApplications } from './applications.app.js';

async function main(): Promise<void> {
  const config = loadConfig('applications', ApplicationsConfig);
  const service = await startApplications(config);
  service.app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
