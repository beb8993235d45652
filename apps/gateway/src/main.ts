import 'reflect-metadata';
import { ConfigError, loadConfig } from '#lib/platform/core';
import { GatewayConfig } from './config/gateway.config.js';
import { startGateway } from './gateway.app.js';

async function main(): Promise<void> {
  const config = loadConfig('gateway', GatewayConfig);
  const gateway = await startGateway(config);
  gateway.app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
