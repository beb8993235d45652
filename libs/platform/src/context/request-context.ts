import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';

export interface RequestContext {
  correlationId: string;
  /**
   * The caller's verified access token: set by the gateway's auth guard and by a service's
   * RpcContextInterceptor, and forwarded by RpcClient with every request made on its behalf.
   */
  accessToken?: string;
  /** In a service: the app whose signed assertion came with the request being handled. */
  callerApp?: string;
  /** A safe retry's key and request fingerprint, forwarded to the service that acts. */
  idempotency?: { key: string; fingerprint: string };
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with a correlation id that logs and outgoing NATS requests pick up. */
export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The Idempotency-Key of the request being handled, and the fingerprint of what it asks. */
export function currentIdempotency(): RequestContext['idempotency'] {
  return storage.getStore()?.idempotency;
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** A client-sent id is kept when harmless (so a caller can trace its own request), else replaced. */
export function correlationIdFrom(value: unknown): string {
  return typeof value === 'string' && SAFE_ID.test(value) ? value : randomUUID();
}
