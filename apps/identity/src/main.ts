import 'reflect-metadata';
import { ConfigError, loadConfig } from '#lib/platform/core';
import { IdentityConfig } from './config/identity.config.js';
import { startIdentity } from './identity.app.js';

async function main(): Promise<void> {
  const config = loadConfig('identity', IdentityConfig);
  const service = await startIdentity(config);
  service.app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
