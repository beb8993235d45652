import {
  ClosedConnectionError,
  ConnectionError,
  DrainingConnectionError,
  NoRespondersError,
  RequestError,
  TimeoutError,
} from '@nats-io/transport-node';
import { NO_MESSAGE_HANDLER } from '@nestjs/microservices/constants.js';
import type { AnyRpcDefinition } from '#lib/contracts';
import { DomainError, isErrorCode, type ErrorCode, type FieldError } from '#lib/domain';
import type { AppLogger } from '../logging/logger.js';

/** How a call failed, as the client saw it: the only input of the translation below. */
export type RpcFailure =
  /** No NATS connection could be had (NATS down, or never reached since start). */
  | { stage: 'connect'; cause: unknown }
  /** nats.js failed the request: deadline passed, nobody subscribed, connection closed… */
  | { stage: 'request'; cause: unknown }
  /** The message is larger than the NATS server takes (its `max_payload`): never sent. */
  | { stage: 'too-large'; bytes: number; maxPayload: number }
  /** The service answered with an error (`err` of Nest's reply packet). */
  | { stage: 'remote'; err: unknown }
  /** The reply was not a Nest reply packet at all. */
  | { stage: 'reply'; cause: unknown };

export interface TranslateOptions {
  /**
   * For a service asking another on its own behalf: only these codes keep their meaning
   * (and SERVICE.UNAVAILABLE, always). Any other refusal of a question this service built
   * itself is its bug, not the client's input: INTERNAL. Unset: every code passes (the
   * gateway relays the caller's own request).
   */
  passCodes?: readonly ErrorCode[];
}

/**
 * The one place where a failed NATS call becomes a DomainError with a stable code. Errors a
 * service sent keep their code (RpcErrorFilter sends `{ code, message, errors?, details? }`);
 * transport failures are told apart by nats.js's error classes, never by message text. An
 * unreachable service or NATS is SERVICE.UNAVAILABLE (503) naming it; anything unexpected is
 * logged and becomes INTERNAL.
 */
export function translateRpcFailure(
  failure: RpcFailure,
  rpc: AnyRpcDefinition,
  logger: AppLogger,
  options: TranslateOptions = {},
): DomainError {
  const service = rpc.service;
  switch (failure.stage) {
    case 'connect':
      logger.warn({ subject: rpc.subject, reason: describe(failure.cause) }, 'No NATS connection for a request');
      return natsUnavailable();
    case 'request': {
      const cause = failure.cause;
      if (cause instanceof TimeoutError || (cause instanceof RequestError && cause.cause instanceof TimeoutError)) {
        return unavailable(service, `Layanan ${service} tidak menjawab tepat waktu`);
      }
      // NATS tells at once when no replica of the service is subscribed.
      if (cause instanceof NoRespondersError || (cause instanceof RequestError && cause.isNoResponders())) {
        return unavailable(service, `Layanan ${service} sedang tidak berjalan`);
      }
      if (
        cause instanceof ClosedConnectionError ||
        cause instanceof DrainingConnectionError ||
        cause instanceof ConnectionError
      ) {
        logger.warn({ subject: rpc.subject, reason: describe(cause) }, 'NATS connection lost during a request');
        return natsUnavailable();
      }
      logger.error({ subject: rpc.subject, err: cause }, 'NATS request failed unexpectedly');
      return internal();
    }
    case 'too-large':
      // The caller's own request (the gateway relays it): too large for the bus, as for the
      // body limit. A service's own question that large is its bug.
      if (options.passCodes === undefined) return new DomainError('REQUEST.TOO_LARGE', 'Ukuran data melebihi batas');
      logger.error({ subject: rpc.subject, bytes: failure.bytes, maxPayload: failure.maxPayload }, 'Request too large');
      return internal();
    case 'remote': {
      const err = failure.err;
      if (isErrorPayload(err)) {
        const passes =
          options.passCodes === undefined || err.code === 'SERVICE.UNAVAILABLE' || options.passCodes.includes(err.code);
        if (passes) return new DomainError(err.code, err.message, { errors: err.errors, details: err.details });
        logger.error(
          { subject: rpc.subject, code: err.code },
          `Service ${service} refused a request built by this one`,
        );
        return new DomainError('INTERNAL', `Layanan ${service} menolak permintaan antarlayanan`);
      }
      // Nest's answer when a packet names a pattern the replica has no handler for (a replica
      // of an older version during a rolling deploy).
      if (err === NO_MESSAGE_HANDLER) return unavailable(service, `Layanan ${service} belum mendukung permintaan ini`);
      logger.error({ subject: rpc.subject, err }, `Unexpected error reply from ${service}`);
      return internal();
    }
    case 'reply':
      logger.error({ subject: rpc.subject, err: failure.cause }, `Malformed reply from ${service}`);
      return internal();
  }
}

function unavailable(service: string, message: string): DomainError {
  return new DomainError('SERVICE.UNAVAILABLE', message, { details: { service } });
}

function natsUnavailable(): DomainError {
  return new DomainError('SERVICE.UNAVAILABLE', 'Sistem pesan antarlayanan (NATS) tidak dapat dihubungi', {
    details: { service: 'nats' },
  });
}

function internal(): DomainError {
  return new DomainError('INTERNAL', 'Terjadi kesalahan pada sistem; silakan coba lagi');
}

function describe(cause: unknown): string {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
}

interface ErrorPayloadOnWire {
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
  details?: Record<string, unknown>;
}

function isErrorPayload(value: unknown): value is ErrorPayloadOnWire {
  return (
    typeof value === 'object' &&
    value !== null &&
    isErrorCode((value as ErrorPayloadOnWire).code) &&
    typeof (value as ErrorPayloadOnWire).message === 'string'
  );
}
