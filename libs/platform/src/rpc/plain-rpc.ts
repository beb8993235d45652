import type { ValidationPipe } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import type { AnyRpcDefinition, RpcDefinition } from '#lib/contracts';
import { DomainError } from '#lib/domain';
import { compileAcceptor, type Acceptor } from '#lib/validation';
import { CORRELATION_HEADER, correlationIdFrom, runWithContext } from '../context/request-context.js';
import type { AppLogger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { rpcErrorPayload } from '../nats/rpc-exception.filter.js';
import type { IncomingCallerCheck } from './caller-assertion.js';

/** What a plain handler knows of the message besides its validated body. */
export interface PlainRpcContext {
  subject: string;
  correlationId: string;
  header(name: string): string | undefined;
}

export interface PlainRpcRoute {
  rpc: AnyRpcDefinition;
  handle(request: unknown, context: PlainRpcContext): Promise<unknown>;
}

/** A hot subject's handler: typed by its definition like `@RpcHandler`. */
export function plainRoute<Req extends object, Reply>(
  rpc: RpcDefinition<Req, Reply>,
  handle: (request: Req, context: PlainRpcContext) => Promise<Reply>,
): PlainRpcRoute {
  return { rpc, handle: (request, context) => handle(request as Req, context) };
}

export interface PlainRpcServerOptions {
  /** The service's queue group: replicas share the subject with each other. */
  queue: string;
  /** The same check RpcContextInterceptor runs before every Nest handler. */
  callers?: IncomingCallerCheck;
  /** The service's ValidationPipe: decides (with the usual errors) what the compiled check does not accept. */
  pipe: ValidationPipe;
  logger: AppLogger;
  metrics: Metrics;
}

interface Packet {
  id?: unknown;
  data?: unknown;
}

/**
 * Serves a few hot subjects with a plain nats.js queue subscription instead of Nest's
 * microservice pipeline (observables, interceptors, pipes, a class instance per message), and
 * keeps every check of that pipeline, with the same code:
 * 1. the caller: `IncomingCallerCheck` (the signed `x-caller` assertion, the user's access token,
 *    the principal in the body replaced by the token's) — the very instance the interceptor uses;
 * 2. the body: a check compiled from the request class's decorators (`compileAcceptor`); what it
 *    does not accept goes to the service's ValidationPipe, which refuses it with every field (or,
 *    for the odd shapes the pipe tolerates, accepts it as a Nest handler would);
 * 3. the answer and errors in Nest's packet format (`rpcErrorPayload`, as RpcErrorFilter), so
 *    the one RPC client reads them alike; the correlation id and access token in the request
 *    context; timings in the same metric.
 * Messages are answered as they come; the handler may group them (MicroBatcher).
 */
export class PlainRpcServer {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly nats: NatsConnection,
    private readonly options: PlainRpcServerOptions,
  ) {}

  serve(routes: readonly PlainRpcRoute[]): void {
    for (const route of routes) {
      const accept = compileAcceptor(route.rpc.request);
      this.subscriptions.push(
        this.nats.subscribe(route.rpc.subject, {
          queue: this.options.queue,
          callback: (error, message) => {
            if (error !== null) {
              this.options.logger.error({ err: error, subject: route.rpc.subject }, 'Plain NATS subscription failed');
              return;
            }
            void this.handle(route, accept, message);
          },
        }),
      );
    }
  }

  /** Stops taking messages (in-flight ones are answered by their handlers). */
  async close(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((subscription) => subscription.drain().catch(() => undefined)));
  }

  private async handle(route: PlainRpcRoute, accept: Acceptor, message: Msg): Promise<void> {
    const subject = route.rpc.subject;
    let packet: Packet;
    try {
      packet = JSON.parse(message.string()) as Packet;
    } catch {
      return; // not a Nest packet: nothing to answer to
    }
    if (typeof packet !== 'object' || packet === null || packet.id === undefined || message.reply === undefined) {
      return; // an event, not a request
    }
    const id = packet.id;
    const headers = message.headers;
    const header = (name: string): string | undefined => headers?.get(name) || undefined;
    const correlationId = correlationIdFrom(header(CORRELATION_HEADER));
    const stop = this.options.metrics.natsHandled.startTimer({ subject });
    const context: { correlationId: string; accessToken?: string } = { correlationId };
    let reply: string;
    try {
      const response = await runWithContext(context, async () => {
        const data = packet.data;
        if (this.options.callers !== undefined) {
          const caller = await this.options.callers.verify({ subject, data, header }).catch((error: unknown) => {
            this.options.logger.warn({ subject, err: error }, 'NATS request refused: caller not verified');
            throw error;
          });
          if (caller.accessToken !== undefined) context.accessToken = caller.accessToken;
        }
        const request: unknown = accept(data)
          ? data
          : await this.options.pipe.transform(data, { type: 'body', metatype: route.rpc.request as never });
        return route.handle(request, { subject, correlationId, header });
      });
      reply = JSON.stringify({ id, response, isDisposed: true });
      stop({ outcome: 'ok' });
    } catch (error) {
      const err = rpcErrorPayload(error, subject, this.options.logger, this.options.metrics);
      reply = JSON.stringify({ id, err, isDisposed: true });
      stop({ outcome: 'error' });
    }
    try {
      message.respond(reply);
    } catch (error) {
      this.options.logger.error({ err: error, subject }, 'Could not answer a NATS request');
    }
  }
}

/** A request body without the principal the caller check puts in. */
export function requirePrincipal(request: { principal?: unknown }): void {
  if (request.principal === undefined || request.principal === null) {
    throw new DomainError('AUTH.UNAUTHENTICATED', 'Permintaan tanpa token akses yang sah');
  }
}
