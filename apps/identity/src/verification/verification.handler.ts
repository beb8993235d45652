import { Controller } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { IdentityRpc, type VerifyBatchRequest, VerifyRequest } from '#lib/contracts';
import { IdempotencyExecutor, IdempotencyStore } from '#lib/platform/idempotency';
import { plainEachRoute, plainRoute, requirePrincipal, type PlainRpcRoute } from '#lib/platform/rpc';
import { VerificationService } from './verification.service.js';

/**
 * The three verification subjects, the hottest of the system, are served by a plain queue
 * subscription (PlainRpcServer, started by identity.app.ts) rather than Nest's pipeline: the
 * same caller check and validation rules, without an observable, an interceptor chain and a
 * class instance per item (docs/benchmarks.md, "Where the time goes").
 */
@Controller()
export class VerificationHandler {
  private readonly idempotency: IdempotencyExecutor;

  constructor(
    private readonly verification: VerificationService,
    store: IdempotencyStore,
    moduleRef: ModuleRef,
  ) {
    this.idempotency = new IdempotencyExecutor(store, (type) => moduleRef.get(type, { strict: false }));
  }

  routes(): PlainRpcRoute[] {
    return [
      plainRoute(IdentityRpc.VERIFICATION_VERIFY, (request: VerifyRequest, context) => {
        requirePrincipal(request);
        return this.verification.verify(request, context.correlationId);
      }),
      // The gateway's concurrent single checks of one token, as one message: each item is a
      // VerifyRequest of its own (validated, admitted, counted, refused and logged alone).
      plainEachRoute(IdentityRpc.VERIFICATION_VERIFY_MANY, VerifyRequest, (request, context) =>
        this.verification.verify(request, context.correlationId),
      ),
      // Checks and their access-log lines are written by a shared batcher, not one transaction:
      // the key and its outcome are stored once the batch is answered (as `@Idempotent()`).
      plainRoute(
        IdentityRpc.VERIFICATION_VERIFY_BATCH,
        (request: VerifyBatchRequest, context) => {
          requirePrincipal(request);
          const run = () => this.verification.verifyBatch(request, context.correlationId);
          const idempotent = this.idempotency.runner(
            context.subject,
            (name) => context.header(name),
            request as unknown as Record<string, unknown>,
            {},
          );
          return idempotent === undefined ? run() : (idempotent(run) as ReturnType<typeof run>);
        },
        // The gateway relays a batch's body unparsed (@RelayJsonBody); no other subject takes one.
        { acceptsRelayedBody: true },
      ),
    ];
  }
}
