import { Catch, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';
import { DomainError, type ErrorPayload } from '#lib/domain';
import type { AppLogger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';

/**
 * Turns whatever a message handler throws into the `{ code, message, errors?, details? }`
 * payload the gateway understands. Domain errors pass as they are; the service's database
 * being away (restarting, connections cut: `isOutage`) is SERVICE.UNAVAILABLE, a 503 a client
 * retries, with a WARN line; anything else is a bug, logged with its stack and reported as
 * INTERNAL without its text (which may hold data).
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  constructor(
    private readonly logger: AppLogger,
    private readonly metrics: Metrics,
    private readonly isOutage: (error: unknown) => boolean = () => false,
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
    if (this.isOutage(exception)) {
      this.logger.warn(
        { subject, reason: exception instanceof Error ? exception.message : String(exception) },
        'Database unavailable; request answered SERVICE.UNAVAILABLE',
      );
      return {
        code: 'SERVICE.UNAVAILABLE',
        message: 'Layanan sedang memulihkan basis datanya; coba lagi sebentar lagi',
      };
    }
    this.logger.error({ err: exception, subject }, 'Unexpected error in message handler');
    return { code: 'INTERNAL', message: 'Terjadi kesalahan pada layanan' };
  }
}
