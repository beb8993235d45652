import { Catch, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';
import { DomainError, type ErrorPayload } from '#lib/domain';
import { isDatabaseUnavailable } from './database-unavailable.js';
import type { AppLogger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';

/**
 * Turns whatever a message handler throws into the `{ code, message, errors?, details? }`
 * payload the gateway understands. Domain errors pass as they are; a database that cannot
 * serve now is SERVICE.UNAVAILABLE (503, retry); anything else is a bug, logged with its stack
 * (redacted: error-serializer.ts) and reported as INTERNAL without its text (which may hold data).
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  constructor(
    private readonly logger: AppLogger,
    private readonly metrics: Metrics,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const payload = this.toPayload(exception, host);
    this.metrics.errors.inc({ kind: new DomainError(payload.code, '').kind });
    return throwError(() => payload);
  }

  private toPayload(exception: unknown, host: ArgumentsHost): ErrorPayload {
    if (exception instanceof DomainError) return exception.toPayload();
    const subject =
      host.getType() === 'rpc'
        ? String(host.switchToRpc().getContext<{ getSubject?: () => string }>().getSubject?.())
        : 'http';
    if (isDatabaseUnavailable(exception)) {
      // Not a bug: the database cannot serve now (pool exhausted, too many clients, restarting).
      this.logger.warn({ err: exception, subject }, 'Database unavailable');
      return {
        code: 'SERVICE.UNAVAILABLE',
        message: 'Layanan sedang sibuk atau tidak tersedia; silakan coba lagi sebentar lagi',
        details: { retryAfterSeconds: 5 },
      };
    }
    this.logger.error({ err: exception, subject }, 'Unexpected error in message handler');
    return { code: 'INTERNAL', message: 'Terjadi kesalahan pada layanan' };
  }
}
