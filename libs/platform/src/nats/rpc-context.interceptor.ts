import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { Observable, tap } from 'rxjs';
import { CORRELATION_HEADER, correlationIdFrom, runWithContext } from '../context/request-context.js';
import type { AppLogger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';

/**
 * Runs each NATS message handler inside the caller's correlation id (taken from the message
 * headers), so that the service's log lines of one request can be found with the gateway's,
 * and times it by subject and outcome.
 */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  constructor(
    private readonly metrics: Metrics,
    private readonly logger: AppLogger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const nats = context.switchToRpc().getContext<NatsContext>();
    const subject = nats.getSubject();
    const headers = nats.getHeaders() as { get(name: string): string } | undefined;
    const correlationId = correlationIdFrom(headers?.get(CORRELATION_HEADER));
    const stop = this.metrics.natsHandled.startTimer({ subject });
    const done = (outcome: 'ok' | 'error'): void => {
      const seconds = stop({ outcome });
      this.logger.debug({ subject, outcome, ms: Math.round(seconds * 1000) }, 'Handled NATS request');
    };
    return new Observable((subscriber) =>
      runWithContext({ correlationId }, () =>
        next
          .handle()
          .pipe(
            tap({
              complete: () => done('ok'),
              error: () => done('error'),
            }),
          )
          .subscribe(subscriber),
      ),
    );
  }
}
