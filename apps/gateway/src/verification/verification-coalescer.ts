import { Injectable } from '@nestjs/common';
import {
  IdentityRpc,
  VERIFY_MANY_MAX,
  type Principal,
  type VerificationResult,
  type VerifyManyOutcome,
  type VerifyRequest,
} from '#lib/contracts';
import { DomainError } from '#lib/domain';
import { currentContext, runWithContext } from '#lib/platform/core';
import { RpcClient } from '#lib/platform/rpc';
import { KeyedCoalescer } from './keyed-coalescer.js';

/** One `POST /verifications` waiting for its answer. */
interface PendingCheck {
  body: Record<string, unknown>;
  principal: Principal;
  correlationId: string;
  resolve: (result: VerificationResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Groups by key = the access token's text, so a group's requests share the one principal that
 * token names (identity verifies it once for the message); two callers never share a message.
 * Two groups of one token in flight: one is answered while the next gathers.
 */
const GROUPS_IN_FLIGHT_PER_TOKEN = 2;

/**
 * Concurrent `POST /verifications` of one access token go to identity as ONE NATS message
 * (`identity.verification.verify-many`) instead of one each: the hop's socket writes, framing and
 * JSON envelopes are paid per group (docs/benchmarks.md, "Where the time goes"). Not a batch:
 * identity validates, admits, counts against the quota, refuses and logs each item alone, and
 * answers each with what its request alone would get, so every HTTP request keeps its own status
 * and body (400 with its fields, 403, 429 with Retry-After, 401 AGENCY.SUSPENDED…). A group of
 * one (the usual case at rest) is sent as the plain `identity.verification.verify`.
 * A failure of the whole message (identity away, the token refused) is every item's failure, as
 * it would have been for each request.
 */
@Injectable()
export class VerificationCoalescer {
  private readonly groups = new KeyedCoalescer<PendingCheck>({
    send: (token, checks) => this.send(token, checks),
    onError: (error, checks) => {
      for (const check of checks) check.reject(error);
    },
    maxGroup: VERIFY_MANY_MAX,
    maxInFlightPerKey: GROUPS_IN_FLIGHT_PER_TOKEN,
  });

  constructor(private readonly services: RpcClient) {}

  /** `body`: the JSON object as received; `principal`: the one the auth guard verified. */
  verify(body: Record<string, unknown>, principal: Principal): Promise<VerificationResult> {
    const context = currentContext();
    const token = context?.accessToken;
    if (context === undefined || token === undefined) {
      // Not behind the auth guard (no token to group by): nothing to share a message with.
      return this.services.call(IdentityRpc.VERIFICATION_VERIFY, { ...body, principal } as unknown as VerifyRequest);
    }
    return new Promise((resolve, reject) => {
      this.groups.submit(token, { body, principal, correlationId: context.correlationId, resolve, reject });
    });
  }

  private async send(token: string, checks: PendingCheck[]): Promise<void> {
    const first = checks[0];
    // The message is sent on behalf of the token its requests share (RpcClient forwards it).
    await runWithContext({ correlationId: first.correlationId, accessToken: token }, async () => {
      if (checks.length === 1) {
        const request = { ...first.body, principal: first.principal } as unknown as VerifyRequest;
        first.resolve(await this.services.call(IdentityRpc.VERIFICATION_VERIFY, request));
        return;
      }
      const reply = await this.services.call(IdentityRpc.VERIFICATION_VERIFY_MANY, {
        principal: first.principal,
        items: checks.map((check) => ({ correlationId: check.correlationId, body: check.body })),
      });
      const outcomes: unknown = reply?.outcomes;
      if (!Array.isArray(outcomes) || outcomes.length !== checks.length) {
        throw new DomainError('INTERNAL', 'Jawaban layanan identitas tidak lengkap');
      }
      (outcomes as VerifyManyOutcome[]).forEach((outcome, i) => {
        if (outcome.err !== undefined && outcome.err !== null)
          checks[i].reject(this.services.remoteError(IdentityRpc.VERIFICATION_VERIFY, outcome.err));
        else checks[i].resolve(outcome.response as VerificationResult);
      });
    });
  }
}
