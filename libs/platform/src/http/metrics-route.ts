import type { FastifyInstance } from 'fastify';
import type { AppLogger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';

/** `/metrics` outside any API prefix, served straight by Fastify (no guards, no logging). */
export function registerMetricsRoute(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await metrics.render();
    return reply.header('content-type', contentType).send(body);
  });
}

/** Times every HTTP request by its route pattern (never the raw URL, which would carry NIKs). */
export function registerHttpMetrics(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    metrics.httpRequests.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}

/**
 * One access-log line per request: method, route pattern, status and time. The route pattern,
 * not the URL, so that identifiers in paths (a NIK) never reach the log.
 */
export function registerAccessLog(fastify: FastifyInstance, logger: AppLogger): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    logger.info(
      { method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'HTTP request',
    );
  });
}
