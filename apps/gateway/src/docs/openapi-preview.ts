import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createLogger, loadConfig, Metrics } from '#lib/platform/core';
import { installIdnAreaRegions } from '#lib/platform/regions';
import { GatewayConfig } from '../config/gateway.config.js';
import { VERIFICATION_PAGE_PATH } from '../documents/verification-page.controller.js';
import { API_PREFIX } from '../gateway.app.js';
import { GatewayModule } from '../gateway.module.js';
import { buildOpenApiDocument } from './openapi-document.js';

/**
 * The document the gateway serves at /api/docs-json, built without starting anything: Nest's
 * preview mode scans the controllers but creates no provider, so no NATS connection is opened.
 */
export async function previewOpenApiDocument(): Promise<OpenAPIObject> {
  installIdnAreaRegions();
  const config = loadConfig('gateway', GatewayConfig, { NODE_ENV: 'development' });
  const logger = createLogger({ app: 'gateway', level: 'warn' });
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.register({ config, logger, metrics: new Metrics('gateway') }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  app.setGlobalPrefix(API_PREFIX, { exclude: [`${VERIFICATION_PAGE_PATH}/:token`] });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
