import type { FastifyInstance } from 'fastify';
import { CORRELATION_HEADER, correlationIdFrom, runWithContext } from '#lib/platform/core';

declare module 'fastify' {
  interface FastifyRequest {
    correlationId: string;
  }
}

/**
 * Gives every request a correlation id (the caller's when it sent a sane one), returns it in
 * the response, and runs the rest of the request inside it so logs and NATS calls carry it.
 * The context is entered again before the handler because body parsing leaves it.
 */
export function registerRequestContext(fastify: FastifyInstance): void {
  fastify.decorateRequest('correlationId', '');
  fastify.addHook('onRequest', (request, reply, done) => {
    request.correlationId = correlationIdFrom(request.headers[CORRELATION_HEADER]);
    void reply.header(CORRELATION_HEADER, request.correlationId);
    runWithContext({ correlationId: request.correlationId }, done);
  });
  fastify.addHook('preHandler', (request, _reply, done) => {
    runWithContext({ correlationId: request.correlationId }, done);
  });
}
