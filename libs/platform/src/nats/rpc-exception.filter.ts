import { Catch, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';
import { DomainError, type ErrorPayload } from '#lib/domain';
import { isDatabaseUnavailable } from './database-unavailable.js';
import type { AppLogger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';

/**
 * What a handler's failure becomes on the wire: `{ code, message, errors?, details? }`. Domain
 * errors pass as they are; a database that cannot serve now (pool exhausted, too many clients,
 * starting, restarting, connections cut: `isDatabaseUnavailable`) is
 * SERVICE.UNAVAILABLE, a 503 a client retries, with a WARN line; anything else is a bug, logged
 * with its stack (redacted: error-serializer.ts) and reported as INTERNAL without its text
 * (which may hold data). Shared by
 * RpcErrorFilter (Nest's handlers) and the plain subscriptions of hot subjects (PlainRpcServer).
 */
export function rpcErrorPayload(
  exception: unknown,
  subject: string,
  logger: AppLogger,
  metrics: Metrics,
): ErrorPayload {
  let payload: ErrorPayload;
  if (exception instanceof DomainError) {
    payload = exception.toPayload();
  } else if (isDatabaseUnavailable(exception)) {
    // Not a bug: the database cannot serve now. The error goes through the redacting serializer.
    logger.warn({ err: exception, subject }, 'Database unavailable; request answered SERVICE.UNAVAILABLE');
    payload = {
      code: 'SERVICE.UNAVAILABLE',
      message: 'Layanan sedang sibuk atau tidak tersedia; silakan coba lagi sebentar lagi',
      details: { retryAfterSeconds: 5 },
    };
  } else {
    logger.error({ err: exception, subject }, 'Unexpected error in message handler');
    payload = { code: 'INTERNAL', message: 'Terjadi kesalahan pada layanan' };
  }
  metrics.errors.inc({ kind: new DomainError(payload.code, '').kind });
  return payload;
}

/** Turns whatever a Nest message handler throws into the payload the gateway understands. */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  constructor(
    private readonly logger: AppLogger,
    private readonly metrics: Metrics,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const subject =
      host.getType() === 'rpc'
        ? String(host.switchToRpc().getContext<{ getSubject?: () => string }>().getSubject?.())
        : 'http';
    const payload = rpcErrorPayload(exception, subject, this.logger, this.metrics);
    return throwError(() => payload);
  }
}
