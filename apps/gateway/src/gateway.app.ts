import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, createValidationPipe, Metrics, NestLoggerAdapter, type AppLogger } from '#lib/platform/core';
import { registerAccessLog, registerHttpMetrics, registerMetricsRoute } from '#lib/platform/http';
import { installIdnAreaRegions } from '#lib/platform/regions';
import { trustProxyOf, type GatewayConfig } from './config/gateway.config.js';
import { setupOpenApi } from './docs/openapi.js';
import { VERIFICATION_PAGE_PATH } from './documents/verification-page.controller.js';
import { GatewayModule } from './gateway.module.js';
import { registerRequestContext } from './http/request-context.hooks.js';

export const API_PREFIX = 'api/v1';

export interface RunningGateway {
  app: NestFastifyApplication;
  logger: AppLogger;
  url: string;
  close(): Promise<void>;
}

/** Builds and starts the HTTP gateway; `main.ts` and the whole-system tests both use this. */
export async function startGateway(
  config: GatewayConfig,
  options: { logger?: AppLogger } = {},
): Promise<RunningGateway> {
  // The region pickers and the NIK/No. KK validators read libs/domain's region directory.
  installIdnAreaRegions();
  const logger =
    options.logger ?? createLogger({ app: 'gateway', level: config.LOG_LEVEL, instanceId: config.INSTANCE_ID });
  const metrics = new Metrics('gateway');
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: trustProxyOf(config.TRUST_PROXY),
    // Request logging is ours (structured, NIK-masked); Fastify's is off.
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.register({ config, logger, metrics }),
    adapter,
    { logger: new NestLoggerAdapter(logger), abortOnError: false },
  );
  // The page a document's QR code opens lives outside the API prefix: /verifikasi/{token}.
  app.setGlobalPrefix(API_PREFIX, { exclude: [`${VERIFICATION_PAGE_PATH}/:token`] });
  app.useGlobalPipes(createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  registerRequestContext(fastify);
  registerHttpMetrics(fastify, metrics);
  registerAccessLog(fastify, logger);
  registerMetricsRoute(fastify, metrics);
  setupOpenApi(app);
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ url }, 'Gateway listening');
  return { app, logger, url, close: () => app.close() };
}
