import { randomUUID } from 'node:crypto';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NatsRecordBuilder, NatsResponseJSONDeserializer, type ClientProxy } from '@nestjs/microservices';
import { NatsRecordSerializer } from '@nestjs/microservices/serializers/nats-record.serializer.js';
import { headers as natsHeaders, type Msg, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';
import type { AnyRpcDefinition, RpcDefinition } from '#lib/contracts';
import type { DomainError } from '#lib/domain';
import { CORRELATION_HEADER, currentCorrelationId, currentIdempotency } from '../context/request-context.js';
import { IDEMPOTENCY_FINGERPRINT_NATS_HEADER, IDEMPOTENCY_KEY_NATS_HEADER } from '../idempotency/idempotency-key.js';
import type { AppLogger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { REPLY_PACKET_TAIL } from './json-text.js';
import { RELAYED_BODY_HEADER, relayedPayload } from './relayed-body.js';
import { translateRpcFailure, type RpcFailure, type TranslateOptions } from './rpc-errors.js';

/**
 * Adds headers to every request a process sends. The place where a caller's identity is
 * asserted (issue #12: a signed assertion the receiving service verifies) — one source per
 * process, applied by the one client.
 */
export interface RpcHeaderSource {
  headersFor(rpc: AnyRpcDefinition): Record<string, string> | Promise<Record<string, string>>;
}

export interface RpcClientOptions {
  /** Default deadline of a call (NATS_TIMEOUT_MS). */
  timeoutMs: number;
  logger: AppLogger;
  metrics: Metrics;
  headerSource?: RpcHeaderSource;
}

export interface RpcCallOptions extends TranslateOptions {
  /** This call's deadline, when not the default. */
  timeoutMs?: number;
}

type ReplyPacket = { err?: unknown; response?: unknown };

const REPLY_PACKET_TAIL_BYTES = Buffer.from(REPLY_PACKET_TAIL);

/** Room left in a message for its headers (correlation id, caller assertion, access token…). */
const HEADER_ROOM_BYTES = 8 * 1024;

/**
 * A reply's JSON, as the service wrote it: its UTF-8 bytes (typed by what it encodes), to be sent
 * as an HTTP body as they are — never decoded into a string and encoded again.
 */
export type RawJson<T> = Buffer & { readonly __json?: T };

/**
 * The one NATS request client of every app (the gateway and each service that asks another).
 * A call names its subject by its definition, so the request and reply are typed; it has a
 * deadline, carries the correlation id (and whatever the header source adds) in headers, is
 * timed by subject and outcome, and fails only with a DomainError of a stable code
 * (translateRpcFailure). Requests use Nest's NATS packet format (Nest's own serializer and
 * deserializer), so `@MessagePattern`/`@RpcHandler` handlers answer them, over nats.js's
 * shared reply inbox rather than Nest's client, which subscribes an inbox per request.
 */
export class RpcClient implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly serializer = new NatsRecordSerializer();
  private readonly deserializer = new NatsResponseJSONDeserializer();

  /** `transport`: Nest's NATS client, used for its connection (reconnects, shared by all calls). */
  constructor(
    private readonly transport: ClientProxy,
    private readonly options: RpcClientOptions,
  ) {}

  async call<Req extends object, Reply>(
    rpc: RpcDefinition<Req, Reply>,
    // NoInfer: the definition alone decides the request type; a request missing a field is an error.
    request: NoInfer<Req>,
    options: RpcCallOptions = {},
  ): Promise<Reply> {
    const stop = this.options.metrics.natsSent.startTimer({ subject: rpc.subject });
    try {
      const reply = (await this.exchange(rpc, request, {
        timeoutMs: options.timeoutMs ?? this.options.timeoutMs,
      })) as Reply;
      stop({ outcome: 'ok' });
      return reply;
    } catch (error) {
      const failure = error instanceof RpcCallFailure ? error.failure : { stage: 'request' as const, cause: error };
      const translated = translateRpcFailure(failure, rpc, this.options.logger, options);
      stop({ outcome: translated.code === 'SERVICE.UNAVAILABLE' ? 'unavailable' : 'error' });
      throw translated;
    }
  }

  /**
   * As `call`, but resolves with the reply's JSON text, unparsed, for a route that relays it as
   * its HTTP body (a batch's 1,000 results: parsing them here and serializing them again was a
   * fifth of the gateway's time per batch). Failures are the same DomainErrors as `call`'s. The
   * text is cut out of the reply packet when it has the exact shape a plain subscription writes
   * (`{"id":<this call's id>,"response":…,"isDisposed":true}`); any other packet is parsed.
   */
  async callRaw<Req extends object, Reply>(
    rpc: RpcDefinition<Req, Reply>,
    request: NoInfer<Req>,
    options: RpcCallOptions = {},
  ): Promise<RawJson<Reply>> {
    return this.rawExchange(rpc, request, undefined, options);
  }

  /**
   * As `callRaw`, with the request's HTTP body relayed as its bytes, unparsed (relayed-body.ts):
   * `envelope` is what the gateway adds (the caller's principal); the receiving plain subscription
   * parses the body, refuses it as the gateway would, and puts the verified principal in last.
   * Only for subjects served by PlainRpcServer.
   */
  async relayRaw<Req extends object, Reply>(
    rpc: RpcDefinition<Req, Reply>,
    body: Uint8Array,
    envelope: Partial<NoInfer<Req>>,
    options: RpcCallOptions = {},
  ): Promise<RawJson<Reply>> {
    return this.rawExchange(rpc, envelope, body, options);
  }

  private async rawExchange<Reply>(
    rpc: AnyRpcDefinition,
    request: object,
    relayedBody: Uint8Array | undefined,
    options: RpcCallOptions,
  ): Promise<RawJson<Reply>> {
    const stop = this.options.metrics.natsSent.startTimer({ subject: rpc.subject });
    try {
      const reply = await this.exchange(rpc, request, {
        timeoutMs: options.timeoutMs ?? this.options.timeoutMs,
        raw: true,
        relayedBody,
      });
      stop({ outcome: 'ok' });
      return reply as RawJson<Reply>;
    } catch (error) {
      const failure = error instanceof RpcCallFailure ? error.failure : { stage: 'request' as const, cause: error };
      const translated = translateRpcFailure(failure, rpc, this.options.logger, options);
      stop({ outcome: translated.code === 'SERVICE.UNAVAILABLE' ? 'unavailable' : 'error' });
      throw translated;
    }
  }

  /**
   * The DomainError of an error payload a service sent for one part of a reply (an item of a
   * coalesced message, answered alone): exactly what `call` throws for the same payload.
   */
  remoteError(rpc: AnyRpcDefinition, err: unknown): DomainError {
    return translateRpcFailure({ stage: 'remote', err }, rpc, this.options.logger);
  }

  /** Resolves when the NATS connection is up within the deadline (health checks). */
  async connected(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.transport.connect(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('NATS connection timed out')), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The app's NATS connection, for the few plain subscriptions an app keeps (identity's broadcasts). */
  async connection(): Promise<NatsConnection> {
    return (await this.transport.connect()) as NatsConnection;
  }

  /**
   * Connects as the app starts, not on its first call. An app that calls out rarely (documents
   * reports staff reads only) otherwise paid the connection — the nkey handshake, then Nest's
   * client setup — inside the first request it served: ≈ 0.5 s on a quiet machine, and past the
   * gateway's 5 s deadline (a 503 for a clerk reading a document) on a loaded one. A connection
   * that cannot be made now is logged and made again by the first call, as before.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.connected(this.options.timeoutMs).catch((error: unknown) => {
      this.options.logger.warn(
        { err: error },
        'NATS connection for requests not made at start; the first call tries again',
      );
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }

  /**
   * One request/reply. `raw`: resolve with the response's JSON bytes (callRaw); `relayedBody`: an
   * HTTP body sent after the packet's line, unparsed (relayRaw).
   */
  private async exchange(
    rpc: AnyRpcDefinition,
    request: object,
    { timeoutMs, raw = false, relayedBody }: { timeoutMs: number; raw?: boolean; relayedBody?: Uint8Array },
  ): Promise<unknown> {
    let nats: NatsConnection;
    try {
      nats = (await this.transport.connect()) as NatsConnection;
    } catch (cause) {
      throw new RpcCallFailure({ stage: 'connect', cause });
    }
    const record = new NatsRecordBuilder(request).setHeaders(await this.headersFor(rpc)).build();
    // Nest's packet: the id makes the handler reply (a packet without one is an event).
    const id = randomUUID();
    const packet = this.serializer.serialize({ pattern: rpc.subject, data: record, id });
    const headers = packet.headers as MsgHdrs;
    let body: string | Uint8Array = packet.data as string;
    if (relayedBody !== undefined) {
      headers.set(RELAYED_BODY_HEADER, '1');
      body = relayedPayload(body, relayedBody);
    }
    // The server refuses a message over its max_payload (headers included); nats.js would throw a
    // generic error. Refused here, with room left for the headers.
    // A string is measured only when it might not fit (at most 3 bytes per UTF-16 unit), so the
    // hot small messages are not scanned a second time.
    const maxPayload = nats.info?.max_payload;
    if (maxPayload !== undefined) {
      const room = maxPayload - HEADER_ROOM_BYTES;
      const bytes = typeof body !== 'string' ? body.length : body.length * 3 <= room ? 0 : Buffer.byteLength(body);
      if (bytes > room) throw new RpcCallFailure({ stage: 'too-large', bytes, maxPayload });
    }
    let message: Msg;
    try {
      message = await nats.request(rpc.subject, body, { timeout: timeoutMs, headers });
    } catch (cause) {
      throw new RpcCallFailure({ stage: 'request', cause });
    }
    if (raw) {
      const bytes = rawResponse(message.data, Buffer.from(`{"id":"${id}","response":`));
      if (bytes !== undefined) return bytes;
    }
    let reply: ReplyPacket;
    try {
      reply = this.deserializer.deserialize(message) as ReplyPacket;
    } catch (cause) {
      throw new RpcCallFailure({ stage: 'reply', cause });
    }
    if (reply.err !== undefined && reply.err !== null) throw new RpcCallFailure({ stage: 'remote', err: reply.err });
    return raw ? Buffer.from(JSON.stringify(reply.response)) : reply.response;
  }

  private async headersFor(rpc: AnyRpcDefinition): Promise<MsgHdrs> {
    const headers = natsHeaders();
    const correlationId = currentCorrelationId();
    if (correlationId) headers.set(CORRELATION_HEADER, correlationId);
    // A safe retry (API.md "Safe retries"): the service that acts remembers the key.
    const idempotency = currentIdempotency();
    if (idempotency) {
      headers.set(IDEMPOTENCY_KEY_NATS_HEADER, idempotency.key);
      headers.set(IDEMPOTENCY_FINGERPRINT_NATS_HEADER, idempotency.fingerprint);
    }
    if (this.options.headerSource !== undefined) {
      for (const [name, value] of Object.entries(await this.options.headerSource.headersFor(rpc))) {
        headers.set(name, value);
      }
    }
    return headers;
  }
}

/**
 * The response's bytes when `data` is exactly `head`, the response and REPLY_PACKET_TAIL (the packet
 * a plain subscription writes), copied out of the message (whose buffer belongs to the NATS
 * client); undefined for any other packet (an error, Nest's own serializer), which is parsed.
 */
function rawResponse(data: Uint8Array, head: Buffer): Buffer | undefined {
  const tail = REPLY_PACKET_TAIL_BYTES;
  const end = data.length - tail.length;
  if (end < head.length) return undefined;
  const packet = Buffer.from(data.buffer, data.byteOffset, data.length);
  if (packet.compare(head, 0, head.length, 0, head.length) !== 0) return undefined;
  if (packet.compare(tail, 0, tail.length, end, data.length) !== 0) return undefined;
  return Buffer.from(packet.subarray(head.length, end));
}

/** Carries a failure from where it happened to the translation (never leaves the client). */
class RpcCallFailure extends Error {
  constructor(readonly failure: RpcFailure) {
    super(failure.stage);
  }
}
