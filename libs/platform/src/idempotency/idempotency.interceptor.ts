import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { NatsContext } from '@nestjs/microservices';
import { defer, lastValueFrom, type Observable } from 'rxjs';
import { DomainError, ErrorKind } from '#lib/domain';
import {
  IDEMPOTENCY_FINGERPRINT_NATS_HEADER,
  IDEMPOTENCY_KEY_NATS_HEADER,
  isValidIdempotencyKey,
} from './idempotency-key.js';
import { idempotencyScope, type IdempotencyScope } from './idempotency.scope.js';
import { IdempotencyStore, isKeyTaken, type IdempotencyRow, type IdempotentOutcome } from './idempotency.store.js';

/**
 * Rebuilds the answer of an attempt that took effect but whose outcome was never written (its
 * process died in between): the resource as it stands now. `get` resolves the service's providers.
 */
export type IdempotentRecovery = (
  get: <T>(type: Type<T>) => T,
  request: Record<string, unknown>,
  resource: IdempotencyScope['resource'] | undefined,
) => Promise<unknown>;

export interface IdempotentOptions {
  /**
   * The key row commits in the handler's transaction, with the effect. Without it the key and
   * its outcome are written after the handler answered (for handlers whose effect is not one
   * transaction of this service's database).
   */
  atomic?: boolean;
  recover?: IdempotentRecovery;
}

const IDEMPOTENT = Symbol('IDEMPOTENT');

/** Errors worth replaying: the client's own (4xx). Unavailable or internal ones may pass on retry. */
const REPLAYED_ERRORS: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  ErrorKind.INVALID,
  ErrorKind.FORBIDDEN,
  ErrorKind.NOT_FOUND,
  ErrorKind.CONFLICT,
  ErrorKind.RULE,
  ErrorKind.TOO_LARGE,
  ErrorKind.UNSUPPORTED_MEDIA,
]);

/** How long a retry waits for the first attempt's outcome before answering "still in progress". */
const WAIT_FOR_FIRST_MS = 3000;
/** A key committed this long ago without its outcome belongs to an attempt that died. */
const ABANDONED_AFTER_MS = 10_000;

/**
 * A NATS handler that honours Idempotency-Key (sent by the gateway in the message headers with
 * the request's fingerprint): the first attempt runs and its outcome is remembered per caller
 * and key; a retry gets that outcome without acting again; a key reused for another request is
 * 422 IDEMPOTENCY.KEY_REUSED.
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  return applyDecorators(SetMetadata(IDEMPOTENT, options), UseInterceptors(IdempotencyInterceptor));
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly executor: IdempotencyExecutor;

  constructor(
    store: IdempotencyStore,
    private readonly reflector: Reflector,
    moduleRef: ModuleRef,
  ) {
    this.executor = new IdempotencyExecutor(store, (type) => moduleRef.get(type, { strict: false }));
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const nats = context.switchToRpc().getContext<NatsContext>();
    const headers = nats.getHeaders() as { get(name: string): string } | undefined;
    const request = context.switchToRpc().getData<Record<string, unknown>>();
    const options = this.reflector.get<IdempotentOptions | undefined>(IDEMPOTENT, context.getHandler()) ?? {};
    const run = this.executor.runner(nats.getSubject(), (name) => headers?.get(name), request, options);
    if (run === undefined) return next.handle();
    return defer(() => run(() => lastValueFrom(next.handle())));
  }
}

/**
 * The safe-retry logic itself, for Nest's handlers (IdempotencyInterceptor) and for the plain
 * subscriptions of hot subjects (PlainRpcServer) alike.
 */
export class IdempotencyExecutor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly get: <T>(type: Type<T>) => T,
  ) {}

  /**
   * How to run a request under its Idempotency-Key (from the message headers), or undefined for
   * a request without one.
   */
  runner(
    subject: string,
    header: (name: string) => string | undefined,
    request: Record<string, unknown>,
    options: IdempotentOptions,
  ): ((run: () => Promise<unknown>) => Promise<unknown>) | undefined {
    const key = header(IDEMPOTENCY_KEY_NATS_HEADER);
    const fingerprint = header(IDEMPOTENCY_FINGERPRINT_NATS_HEADER);
    const caller = (request?.['principal'] as { accountId?: unknown } | undefined)?.accountId;
    // The gateway checked the key; anything else here is a request without one.
    if (!isValidIdempotencyKey(key) || !fingerprint || typeof caller !== 'string') return undefined;
    const scope: IdempotencyScope = {
      caller,
      key,
      fingerprint,
      subject,
      atomic: options.atomic ?? false,
      recorded: false,
      pending: false,
    };
    return (run) => this.execute(scope, request, options, run);
  }

  private async execute(
    scope: IdempotencyScope,
    request: Record<string, unknown>,
    options: IdempotentOptions,
    run: () => Promise<unknown>,
  ): Promise<unknown> {
    const existing = await this.store.find(scope.caller, scope.key);
    if (existing) return this.answerFrom(existing, scope, request, options);
    let response: unknown;
    try {
      response = await idempotencyScope.run(scope, run);
    } catch (error) {
      if (isKeyTaken(error)) return this.answerFromStore(scope, request, options);
      // Committed but not answered: the key has no outcome, and a retry rebuilds it.
      if (scope.recorded) throw error;
      if (error instanceof DomainError && REPLAYED_ERRORS.has(error.kind)) {
        if (!(await this.store.insert(scope, { error: error.toPayload() }))) {
          return this.answerFromStore(scope, request, options);
        }
      }
      throw error;
    }
    if (scope.recorded) {
      await this.store.complete(scope, { response });
    } else if (!(await this.store.insert(scope, { response }))) {
      // Another attempt with the same key finished first: its outcome is the one to keep.
      return this.answerFromStore(scope, request, options);
    }
    return response;
  }

  private async answerFromStore(
    scope: IdempotencyScope,
    request: Record<string, unknown>,
    options: IdempotentOptions,
  ): Promise<unknown> {
    const row = await this.store.find(scope.caller, scope.key);
    if (!row) throw inProgress();
    return this.answerFrom(row, scope, request, options);
  }

  private async answerFrom(
    first: IdempotencyRow,
    scope: IdempotencyScope,
    request: Record<string, unknown>,
    options: IdempotentOptions,
  ): Promise<unknown> {
    if (first.fingerprint !== scope.fingerprint) {
      throw new DomainError(
        'IDEMPOTENCY.KEY_REUSED',
        'Idempotency-Key ini sudah dipakai untuk permintaan lain; gunakan kunci baru untuk permintaan baru',
      );
    }
    let row: IdempotencyRow | undefined = first;
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    while (row && row.outcome === null) {
      if (row.ageMs > ABANDONED_AFTER_MS && options.recover) {
        const response = await options.recover(this.get, request, row.resource ?? undefined);
        await this.store.complete(scope, { response });
        return response;
      }
      if (Date.now() > deadline) throw inProgress();
      await new Promise((resolve) => setTimeout(resolve, 100));
      row = await this.store.find(scope.caller, scope.key);
    }
    if (!row) throw inProgress();
    return replay(row.outcome as IdempotentOutcome);
  }
}

function replay(outcome: IdempotentOutcome): unknown {
  if ('error' in outcome) {
    const { code, message, errors, details } = outcome.error;
    throw new DomainError(code, message, { errors, details });
  }
  return outcome.response;
}

function inProgress(): DomainError {
  return new DomainError(
    'IDEMPOTENCY.IN_PROGRESS',
    'Permintaan dengan Idempotency-Key ini masih diproses; ulangi sebentar lagi',
  );
}
