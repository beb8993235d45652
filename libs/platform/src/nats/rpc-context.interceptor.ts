import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { Observable, tap } from 'rxjs';
import type { IncomingCallerCheck } from '../rpc/caller-assertion.js';
import { CORRELATION_HEADER, correlationIdFrom, runWithContext } from '../context/request-context.js';
import type { AppLogger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';

/**
 * Runs each NATS message handler inside the caller's correlation id (taken from the message
 * headers), so that the service's log lines of one request can be found with the gateway's,
 * and times it by subject and outcome. Before the handler (and before validation) it checks
 * who is calling (IncomingCallerCheck): the calling app's signed assertion and the user's
 * access token, whose principal replaces any `principal` in the body; the token then travels
 * on with whatever this service asks another on the caller's behalf.
 */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  constructor(
    private readonly metrics: Metrics,
    private readonly logger: AppLogger,
    private readonly callers?: IncomingCallerCheck,
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
    const data: unknown = context.switchToRpc().getData();
    return new Observable((subscriber) => {
      const requestContext: { correlationId: string; accessToken?: string; callerApp?: string } = { correlationId };
      runWithContext(requestContext, () => {
        const verified = this.callers?.verify({ subject, data, header: (name) => headers?.get(name) || undefined });
        const run = (): void => {
          next
            .handle()
            .pipe(tap({ complete: () => done('ok'), error: () => done('error') }))
            .subscribe(subscriber);
        };
        if (verified === undefined) return run();
        verified.then(
          (caller) => {
            if (caller.accessToken !== undefined) requestContext.accessToken = caller.accessToken;
            if (caller.app !== undefined) requestContext.callerApp = caller.app;
            runWithContext(requestContext, run);
          },
          (error: unknown) => {
            this.logger.warn({ subject, err: error }, 'NATS request refused: caller not verified');
            done('error');
            subscriber.error(error);
          },
        );
      });
    });
  }
}
