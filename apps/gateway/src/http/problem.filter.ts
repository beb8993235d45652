import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '#lib/domain';
import { APP_LOGGER, Metrics, type AppLogger } from '#lib/platform/core';
import { fromHttpStatus, problemOf, PROBLEM_CONTENT_TYPE } from './problem.js';

/**
 * The one place where errors become HTTP responses (STYLE.md rule 9): domain errors from the
 * gateway itself or from a service over NATS, Nest's and Fastify's own errors, and bugs. Every
 * one leaves as `application/problem+json`; only a bug is a 500, and it never shows its text.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly metrics: Metrics,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(
      exception,
      http.getRequest<FastifyRequest>(),
      http.getResponse<FastifyReply>(),
      this.logger,
      this.metrics,
    );
  }
}

/**
 * Sends an error as a problem: what ProblemFilter does for Nest, and the gateway's Fastify error
 * handler for what Fastify raises before a route's handler runs (a body that is not JSON, empty,
 * too large), which never reaches Nest's filters.
 */
export function sendProblem(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: AppLogger,
  metrics: Metrics,
): void {
  const error = toDomainError(exception, request, logger);
  const problem = problemOf(error, request.correlationId);
  metrics.errors.inc({ kind: error.kind });
  const retryAfter = error.details['retryAfterSeconds'];
  if (typeof retryAfter === 'number') void reply.header('retry-after', String(Math.ceil(retryAfter)));
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

function toDomainError(exception: unknown, request: FastifyRequest, logger: AppLogger): DomainError {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    return fromHttpStatus(exception.getStatus(), typeof message === 'string' ? message : undefined);
  }
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return fromHttpStatus(status, (exception as { message?: string }).message);
  }
  logger.error({ err: exception, route: request.routeOptions.url, method: request.method }, 'Unhandled error');
  return new DomainError('INTERNAL', 'Terjadi kesalahan pada sistem; silakan coba lagi');
}
