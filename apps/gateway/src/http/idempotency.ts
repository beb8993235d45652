import {
  applyDecorators,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { DomainError } from '#lib/domain';
import {
  currentContext,
  IDEMPOTENCY_KEEP_HOURS,
  IDEMPOTENCY_KEY_HEADER,
  isValidIdempotencyKey,
  requestFingerprint,
  runWithContext,
} from '#lib/platform/core';

const DESCRIPTION =
  'Safe retries (IETF httpapi Idempotency-Key draft): 1–255 visible ASCII characters chosen by the client, ' +
  'new for each action and the same when that action is sent again. A retry with the same key, caller and ' +
  'request gets the first outcome (same status and body) without acting again, also when the first answer ' +
  `was lost (a 503 or a dropped connection). Keys are kept at least ${IDEMPOTENCY_KEEP_HOURS} hours. ` +
  '400 IDEMPOTENCY.KEY_INVALID for a malformed key; 422 IDEMPOTENCY.KEY_REUSED for a key sent with another ' +
  'request; 409 IDEMPOTENCY.IN_PROGRESS while the first attempt is still being answered.';

/**
 * Marks an action route as taking `Idempotency-Key` (API.md "Safe retries"), and says so in the
 * OpenAPI document. The gateway only checks the key and fingerprints the request; the service
 * that acts remembers the key together with its effect, so that a retry after a lost answer is
 * recognised on any replica.
 */
export function IdempotentAction(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: DESCRIPTION,
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }),
    ApiResponse({ status: 422, description: 'IDEMPOTENCY.KEY_REUSED (among the other 422s of this route)' }),
    UseInterceptors(IdempotencyKeyInterceptor),
  );
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
