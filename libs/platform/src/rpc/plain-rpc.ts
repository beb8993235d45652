import type { ValidationPipe } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import type { AnyRpcDefinition, RpcDefinition } from '#lib/contracts';
import { DomainError } from '#lib/domain';
import { compileAcceptor, type Acceptor, type MessageClass } from '#lib/validation';
import { CORRELATION_HEADER, correlationIdFrom, runWithContext } from '../context/request-context.js';
import type { AppLogger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { rpcErrorPayload } from '../nats/rpc-exception.filter.js';
import type { IncomingCallerCheck } from './caller-assertion.js';
import { JsonText, REPLY_PACKET_TAIL } from './json-text.js';
import { parseRelayedBody, RELAYED_BODY_HEADER, splitRelayed } from './relayed-body.js';

/** What a plain handler knows of the message besides its validated body. */
export interface PlainRpcContext {
  subject: string;
  correlationId: string;
  header(name: string): string | undefined;
}

export interface PlainRpcRoute {
  rpc: AnyRpcDefinition;
  handle(request: unknown, context: PlainRpcContext): Promise<unknown>;
  /** Set by `plainEachRoute`: the message carries independent requests, answered one by one. */
  each?: PlainEachHandler;
  /**
   * Whether the gateway may relay an HTTP body unparsed to this subject (relayed-body.ts). Any
   * other route refuses the framing (400 `REQUEST.MALFORMED`): a body is parsed in identity only
   * where the gateway is meant to relay one.
   */
  acceptsRelayedBody?: boolean;
}

/** What `plainEachRoute` keeps: the class each item is validated as, and its handler. */
interface PlainEachHandler {
  item: MessageClass;
  handle(request: unknown, context: PlainRpcContext): Promise<unknown>;
}

/** The envelope of a message of independent requests made on behalf of one verified principal. */
export interface EachRequest {
  principal: object;
  items: ReadonlyArray<{ correlationId: string; body: Record<string, unknown> }>;
}

/** Its answer: per item, in order, the reply or the error payload the item alone would have got. */
export interface EachReply<Reply> {
  outcomes: Array<{ response: Reply; err?: undefined } | { err: unknown; response?: undefined }>;
}

/** A hot subject's handler: typed by its definition like `@RpcHandler` (its reply may come as JSON text). */
export function plainRoute<Req extends object, Reply>(
  rpc: RpcDefinition<Req, Reply>,
  handle: (request: Req, context: PlainRpcContext) => Promise<Reply | JsonText<Reply>>,
  options: { acceptsRelayedBody?: boolean } = {},
): PlainRpcRoute {
  return { rpc, handle: (request, context) => handle(request as Req, context), ...options };
}

/**
 * A subject whose message carries several independent requests of one caller (the gateway
 * coalescing concurrent HTTP requests of one access token): the caller is checked once for the
 * message, then each item is validated as `item` with the verified principal put in last (a
 * body can never name someone else), handled, and answered alone — its reply, or the error
 * payload it would have got as a message of its own. One item's failure never touches another.
 */
export function plainEachRoute<Item extends object, Reply>(
  rpc: RpcDefinition<EachRequest, EachReply<Reply>>,
  item: RequestClassOf<Item>,
  handle: (request: Item, context: PlainRpcContext) => Promise<Reply>,
): PlainRpcRoute {
  return {
    rpc,
    handle: () => Promise.reject(new Error(`${rpc.subject} is answered item by item`)),
    each: { item, handle: (request, context) => handle(request as Item, context) },
  };
}

type RequestClassOf<T extends object> = new (...args: never[]) => T;

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

const REPLY_PACKET_TAIL_BYTES = Buffer.from(REPLY_PACKET_TAIL);

/** Nest's reply packet around a reply already written as JSON bytes. */
function jsonTextReply(id: unknown, json: Uint8Array): Uint8Array {
  return Buffer.concat([Buffer.from(`{"id":${JSON.stringify(id)},"response":`), json, REPLY_PACKET_TAIL_BYTES]);
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
      const acceptItem = route.each === undefined ? undefined : compileAcceptor(route.each.item);
      this.subscriptions.push(
        this.nats.subscribe(route.rpc.subject, {
          queue: this.options.queue,
          callback: (error, message) => {
            if (error !== null) {
              this.options.logger.error({ err: error, subject: route.rpc.subject }, 'Plain NATS subscription failed');
              return;
            }
            void this.handle(route, accept, acceptItem, message);
          },
        }),
      );
    }
  }

  /** Stops taking messages (in-flight ones are answered by their handlers). */
  async close(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((subscription) => subscription.drain().catch(() => undefined)));
  }

  private async handle(
    route: PlainRpcRoute,
    accept: Acceptor,
    acceptItem: Acceptor | undefined,
    message: Msg,
  ): Promise<void> {
    const subject = route.rpc.subject;
    let packet: Packet;
    // A body the gateway relayed unparsed follows the packet's line (relayed-body.ts).
    let relayedBody: string | undefined;
    try {
      if (message.headers?.get(RELAYED_BODY_HEADER)) {
        const parts = splitRelayed(message.data);
        if (parts === undefined) return;
        packet = JSON.parse(parts.packetLine) as Packet;
        relayedBody = parts.bodyText;
      } else {
        packet = JSON.parse(message.string()) as Packet;
      }
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
    let reply: string | Uint8Array;
    try {
      const response = await runWithContext(context, async () => {
        let data = packet.data;
        if (this.options.callers !== undefined) {
          const caller = await this.options.callers.verify({ subject, data, header }).catch((error: unknown) => {
            this.options.logger.warn({ subject, err: error }, 'NATS request refused: caller not verified');
            throw error;
          });
          if (caller.accessToken !== undefined) context.accessToken = caller.accessToken;
        }
        // A relayed body is read only once its caller is verified, and takes the verified principal.
        if (relayedBody !== undefined) {
          if (route.acceptsRelayedBody !== true) {
            this.options.logger.warn({ subject }, 'NATS request refused: a relayed body on a route that takes none');
            throw new DomainError('REQUEST.MALFORMED', 'Isi permintaan tidak dapat diteruskan ke layanan ini');
          }
          data = withRelayedBody(relayedBody, data);
        }
        const request: unknown = accept(data)
          ? data
          : await this.options.pipe.transform(data, { type: 'body', metatype: route.rpc.request as never });
        if (route.each !== undefined && acceptItem !== undefined) {
          return this.handleEach(route.each, acceptItem, request as EachRequest, subject, header);
        }
        return route.handle(request, { subject, correlationId, header });
      });
      reply =
        response instanceof JsonText
          ? jsonTextReply(id, response.bytes)
          : JSON.stringify({ id, response, isDisposed: true });
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

  /**
   * Each item as a message of its own would be: validated (compiled check, else the pipe with
   * every field), handled, its error turned into the same payload. All items are started in the
   * same turn, so a handler that groups (MicroBatcher) sees them together.
   */
  private async handleEach(
    each: PlainEachHandler,
    accept: Acceptor,
    envelope: EachRequest,
    subject: string,
    header: (name: string) => string | undefined,
  ): Promise<EachReply<unknown>> {
    requirePrincipal(envelope);
    const principal = envelope.principal;
    const settled = await Promise.allSettled(
      envelope.items.map(async (item) => {
        // The principal last: the one the caller check verified for the whole message.
        const data: Record<string, unknown> = { ...item.body, principal };
        const request: unknown = accept(data)
          ? data
          : await this.options.pipe.transform(data, { type: 'body', metatype: each.item as never });
        return each.handle(request, { subject, correlationId: correlationIdFrom(item.correlationId), header });
      }),
    );
    return {
      outcomes: settled.map((outcome) =>
        outcome.status === 'fulfilled'
          ? { response: outcome.value }
          : { err: rpcErrorPayload(outcome.reason, subject, this.options.logger, this.options.metrics) },
      ),
    };
  }
}

/**
 * The message's data for a relayed body: the body parsed as the gateway would (400 otherwise),
 * with the packet's principal put in last — the one the caller check verified against the access
 * token, whatever the body says.
 */
function withRelayedBody(bodyText: string, packetData: unknown): Record<string, unknown> {
  const body = parseRelayedBody(bodyText);
  body.principal = (packetData as { principal?: unknown } | undefined)?.principal;
  return body;
}

/** A request body without the principal the caller check puts in. */
export function requirePrincipal(request: { principal?: unknown }): void {
  if (request.principal === undefined || request.principal === null) {
    throw new DomainError('AUTH.UNAUTHENTICATED', 'Permintaan tanpa token akses yang sah');
  }
}
