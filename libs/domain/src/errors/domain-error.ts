import { type ErrorCode, kindOf } from './error-codes.js';
import type { ErrorKind } from './error-kind.js';

/** One invalid field of an input, as listed in a problem response's `errors`. */
export interface FieldError {
  field: string;
  message: string;
  code?: ErrorCode;
}

/**
 * The one error type the domain throws. It carries a stable code, a message fit to show a
 * client (never a full NIK), the invalid fields when there are any, and extra facts a client
 * can act on (for a refused transition: the actions allowed now).
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[];
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { errors?: FieldError[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.errors = options.errors ?? [];
    this.details = options.details ?? {};
  }

  get kind(): ErrorKind {
    return kindOf(this.code);
  }

  /** The plain form that crosses NATS: `{ code, message, errors?, details? }`. */
  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message };
    if (this.errors.length > 0) payload.errors = this.errors;
    if (Object.keys(this.details).length > 0) payload.details = this.details;
    return payload;
  }
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
  details?: Record<string, unknown>;
}
