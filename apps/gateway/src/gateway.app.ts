import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { DomainError } from '#lib/domain';
import { createLogger, createValidationPipe, Metrics, NestLoggerAdapter, type AppLogger } from '#lib/platform/core';
import {
  acceptedBody,
  inputRefusal,
  registerAccessLog,
  registerHttpMetrics,
  registerMetricsRoute,
} from '#lib/platform/http';
import { installIdnAreaRegions } from '#lib/platform/regions';
import { trustProxyOf, type GatewayConfig } from './config/gateway.config.js';
import { DOCS_PATH, setupOpenApi } from './docs/openapi.js';
import { VERIFICATION_PAGE_PATH } from './documents/verification-page.controller.js';
import { GatewayModule } from './gateway.module.js';
import { HealthService } from './health/health.service.js';
import { problemOf, PROBLEM_CONTENT_TYPE } from './http/problem.js';
import { sendProblem } from './http/problem.filter.js';
import { useRelayingJsonParser } from './http/relayed-json.js';
import { registerRequestContext } from './http/request-context.hooks.js';
import { registerSecurityHeaders, securityHeadersOf } from './http/security-headers.js';

export const API_PREFIX = 'api/v1';

export interface RunningGateway {
  app: NestFastifyApplication;
  logger: AppLogger;
  url: string;
  /** The internal port: `/metrics` and the detailed `/health` (METRICS_HOST, 127.0.0.1 by default). */
  metricsUrl: string;
  close(): Promise<void>;
}

/**
 * Fastify's error handler is the gateway's own (`sendProblem`, set in startGateway before any
 * route). Nest would set another one after the routes, which only the not-found route would have
 * kept (and Fastify would warn FSTWRN004 about the override): it is not set.
 */
class GatewayFastifyAdapter extends FastifyAdapter {
  override setErrorHandler(): FastifyInstance {
    return this.getInstance();
  }
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
  const adapter = new GatewayFastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: trustProxyOf(config.TRUST_PROXY),
    // Request logging is ours (structured, NIK-masked); Fastify's is off.
    logger: false,
    // A path with malformed percent-encoding (`/%`, `/%E0%A4%A`): 400 as a problem, with the
    // security headers, never echoing the path (Fastify's own answer would).
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const problem = problemOf(
        new DomainError('VALIDATION.FAILED', 'Alamat yang diminta tidak sah', {
          errors: [{ field: 'path', message: 'Alamat berisi pengodean persen (%) yang tidak sah' }],
        }),
      );
      void reply
        .status(error.statusCode ?? 400)
        .headers(securityHeadersOf())
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send({ ...problem, status: error.statusCode ?? 400 });
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.register({ config, logger, metrics }),
    adapter,
    { logger: new NestLoggerAdapter(logger), abortOnError: false },
  );
  // The page a document's QR code opens lives outside the API prefix: /verifikasi/{token}.
  app.setGlobalPrefix(API_PREFIX, { exclude: [`${VERIFICATION_PAGE_PATH}/:token`] });
  app.useGlobalPipes(createValidationPipe());
  useRelayingJsonParser(app, config.BODY_LIMIT_BYTES);
  const fastify = app.getHttpAdapter().getInstance();
  // A query string and path parameters get the checks of a body (`?q=%00` reached PostgreSQL,
  // which cannot store U+0000: a 500), before any route reads them.
  fastify.addHook('preValidation', (request, _reply, done) => {
    done(
      inputRefusal(() => {
        acceptedBody(request.query);
        acceptedBody(request.params);
      }),
    );
  });
  registerSecurityHeaders(fastify, DOCS_PATH);
  // What Fastify raises before a route's handler (a body that is not JSON, empty, too large)
  // never reaches Nest's filters, and a route keeps the error handler set when it is registered:
  // this one, set before the routes, answers it as a problem (see GatewayFastifyAdapter).
  fastify.setErrorHandler((error, request, reply) => sendProblem(error, request, reply, logger, metrics));
  registerRequestContext(fastify);
  registerHttpMetrics(fastify, metrics);
  registerAccessLog(fastify, logger);
  setupOpenApi(app);
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://127.0.0.1:${port}`;
  const internal = await startInternalPort(config, metrics, app.get(HealthService, { strict: false }));
  logger.info({ url, metricsUrl: internal.url }, 'Gateway listening');
  return {
    app,
    logger,
    url,
    metricsUrl: internal.url,
    close: async () => {
      await internal.server.close();
      await app.close();
    },
  };
}

/**
 * `/metrics` and the detailed `/health` on a port of their own, bound to METRICS_HOST
 * (127.0.0.1 unless the operator opens it to a monitoring network): neither the request counts
 * by route nor which service is down and why are the public's business (issue #13).
 */
async function startInternalPort(
  config: GatewayConfig,
  metrics: Metrics,
  health: HealthService,
): Promise<{ server: FastifyInstance; url: string }> {
  const server = Fastify({ logger: false });
  registerMetricsRoute(server, metrics);
  server.get('/health', async (_request, reply) => {
    const report = await health.check();
    return reply.status(report.status === 'up' ? 200 : 503).send(report);
  });
  await server.listen({ port: config.METRICS_PORT, host: config.METRICS_HOST });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.METRICS_PORT;
  const host = config.METRICS_HOST === '0.0.0.0' ? '127.0.0.1' : config.METRICS_HOST;
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}` };
}
