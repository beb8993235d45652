import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { createLogger, loadConfig, Metrics } from '#lib/platform/core';
import { installIdnAreaRegions } from '#lib/platform/regions';
import { GatewayConfig } from '../config/gateway.config.js';
import { API_PREFIX } from '../gateway.app.js';
import { VERIFICATION_PAGE_PATH } from '../documents/verification-page.controller.js';
import { GatewayModule } from '../gateway.module.js';
import { buildOpenApiDocument } from './openapi-document.js';

/**
 * `npm run openapi`: writes the document the gateway serves at /api/docs-json to the given file
 * (docs/openapi.json), without starting anything: Nest's preview mode scans the controllers but
 * creates no provider, so no NATS connection is opened.
 */
async function main(output: string): Promise<void> {
  installIdnAreaRegions();
  const config = loadConfig('gateway', GatewayConfig, { NODE_ENV: 'development' });
  const logger = createLogger({ app: 'gateway', level: 'warn' });
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.register({ config, logger, metrics: new Metrics('gateway') }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  app.setGlobalPrefix(API_PREFIX, { exclude: [`${VERIFICATION_PAGE_PATH}/:token`] });
  const document = buildOpenApiDocument(app);
  writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

main(process.argv[2] ?? 'docs/openapi.json').catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
