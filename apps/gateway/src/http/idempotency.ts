import {
  applyDecorators,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { DomainError } from '#lib/domain';
import {
  currentContext,
  IDEMPOTENCY_KEY_HEADER,
  isValidIdempotencyKey,
  requestFingerprint,
  runWithContext,
} from '#lib/platform/core';
import { ApiIdempotencyKey } from '../docs/idempotency.openapi.js';

/**
 * Marks an action route as taking `Idempotency-Key` (API.md "Safe retries"), and says so in the
 * OpenAPI document. The gateway only checks the key and fingerprints the request; the service
 * that acts remembers the key together with its effect, so that a retry after a lost answer is
 * recognised on any replica.
 */
export function IdempotentAction(): MethodDecorator {
  return applyDecorators(ApiIdempotencyKey(), UseInterceptors(IdempotencyKeyInterceptor));
}

@Injectable()
export class IdempotencyKeyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const raw = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (raw === undefined) return next.handle();
    if (!isValidIdempotencyKey(raw)) {
      throw new DomainError('IDEMPOTENCY.KEY_INVALID', 'Idempotency-Key harus 1–255 karakter ASCII yang terlihat', {
        errors: [{ field: 'Idempotency-Key', message: 'harus 1–255 karakter ASCII yang terlihat (tanpa spasi)' }],
      });
    }
    const path = request.url.split('?')[0] ?? request.url;
    // A multipart body is read by the route itself, which adds the file to the fingerprint.
    const body = request.isMultipart() ? null : request.body;
    const idempotency = { key: raw, fingerprint: requestFingerprint(request.method, path, body) };
    const correlationId = currentContext()?.correlationId ?? request.correlationId;
    return new Observable((subscriber) =>
      runWithContext({ ...currentContext(), correlationId, idempotency }, () => next.handle().subscribe(subscriber)),
    );
  }
}

/**
 * Adds what a route read itself (an uploaded file) to the fingerprint of the request being
 * handled, before the request reaches the service.
 */
export function addToIdempotencyFingerprint(...parts: string[]): void {
  const idempotency = currentContext()?.idempotency;
  if (idempotency) idempotency.fingerprint = requestFingerprint('PART', idempotency.fingerprint, parts);
}
