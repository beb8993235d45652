import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { headers as natsHeaders, RequestError, TimeoutError, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { DomainError, isErrorCode, type FieldError } from '#lib/domain';
import {
  APP_CONFIG,
  APP_LOGGER,
  CORRELATION_HEADER,
  currentCorrelationId,
  currentIdempotency,
  IDEMPOTENCY_FINGERPRINT_NATS_HEADER,
  IDEMPOTENCY_KEY_NATS_HEADER,
  Metrics,
  type AppLogger,
} from '#lib/platform/core';
import type { GatewayConfig } from '../config/gateway.config.js';

export const NATS_CLIENT = Symbol('NATS_CLIENT');

/**
 * The gateway's only way to reach a service. Every call has a deadline; a service that does
 * not answer in time, or a NATS that is down, becomes `SERVICE.UNAVAILABLE` (503), and an
 * error a service sent back keeps its stable code. The correlation id travels in the headers.
 */
@Injectable()
export class ServiceClient implements OnApplicationShutdown {
  constructor(
    @Inject(NATS_CLIENT) private readonly client: ClientProxy,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly metrics: Metrics,
  ) {}

  async request<T>(subject: string, payload: object, timeoutMs: number = this.config.NATS_TIMEOUT_MS): Promise<T> {
    const service = subject.slice(0, subject.indexOf('.'));
    const headers = natsHeaders();
    const correlationId = currentCorrelationId();
    if (correlationId) headers.set(CORRELATION_HEADER, correlationId);
    const idempotency = currentIdempotency();
    if (idempotency) {
      headers.set(IDEMPOTENCY_KEY_NATS_HEADER, idempotency.key);
      headers.set(IDEMPOTENCY_FINGERPRINT_NATS_HEADER, idempotency.fingerprint);
    }
    const stop = this.metrics.natsSent.startTimer({ subject });
    try {
      // Nest's connection, shared: `connect()` fails at once while NATS is down. The request
      // itself goes straight through nats.js, whose replies share one inbox subscription,
      // instead of Nest's client, which subscribes a new inbox for every request.
      const nats = (await this.client.connect()) as NatsConnection;
      const packet = JSON.stringify({ pattern: subject, data: payload, id: randomUUID() });
      const reply = await nats.request(subject, packet, { timeout: timeoutMs, headers });
      if (reply.data.length === 0) throw new Error('Empty response');
      const answer = reply.json<{ err?: unknown; response?: T }>();
      if (answer.err !== undefined && answer.err !== null) throw this.translate(answer.err, service, subject);
      stop({ outcome: 'ok' });
      return answer.response as T;
    } catch (error) {
      const translated = this.translate(error, service, subject);
      stop({ outcome: translated.code === 'SERVICE.UNAVAILABLE' ? 'unavailable' : 'error' });
      throw translated;
    }
  }

  /** Resolves when the NATS connection is up; used by health checks. */
  async ensureConnected(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.client.connect(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('NATS connection timed out')), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private translate(error: unknown, service: string, subject: string): DomainError {
    if (error instanceof DomainError) return error;
    if (error instanceof TimeoutError || (error instanceof RequestError && error.cause instanceof TimeoutError)) {
      return unavailable(service, `Layanan ${service} tidak menjawab tepat waktu`);
    }
    // NATS tells at once when no replica of the service is subscribed ("no responders").
    if (error instanceof RequestError && error.isNoResponders()) {
      return unavailable(service, `Layanan ${service} sedang tidak berjalan`);
    }
    if (isRemoteError(error)) {
      if (isErrorCode(error.code)) {
        return new DomainError(error.code, error.message, { errors: error.errors, details: error.details });
      }
    }
    const text = typeof error === 'string' ? error : error instanceof Error ? error.message : '';
    if (/no matching message handler/i.test(text)) {
      return unavailable(service, `Layanan ${service} belum mendukung permintaan ini`);
    }
    // NATS tells at once when no replica of the service is subscribed ("no responders").
    if (/no subscribers|empty response/i.test(text)) {
      return unavailable(service, `Layanan ${service} sedang tidak berjalan`);
    }
    if (/connection|CONNECTION_REFUSED|ECONNREFUSED|closed|disconnect|timeout/i.test(text) || text === '') {
      this.logger.warn({ subject, reason: text || String(error) }, 'NATS request failed');
      return new DomainError('SERVICE.UNAVAILABLE', 'Sistem pesan antarlayanan (NATS) tidak dapat dihubungi', {
        details: { service: 'nats' },
      });
    }
    this.logger.error({ subject, err: error }, 'Unexpected reply from service');
    return new DomainError('INTERNAL', 'Terjadi kesalahan pada sistem; silakan coba lagi');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

function unavailable(service: string, message: string): DomainError {
  return new DomainError('SERVICE.UNAVAILABLE', message, { details: { service } });
}

interface RemoteError {
  code: string;
  message: string;
  errors?: FieldError[];
  details?: Record<string, unknown>;
}

function isRemoteError(value: unknown): value is RemoteError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RemoteError).code === 'string' &&
    typeof (value as RemoteError).message === 'string'
  );
}
