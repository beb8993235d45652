import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  VerifyBatchRequest,
  VerifyRequest,
  type VerificationResult,
  type VerifyBatchReply,
  IdentityRpc,
} from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { Idempotent } from '#lib/platform/idempotency';
import { VerificationService } from './verification.service.js';

@Controller()
export class VerificationHandler {
  constructor(private readonly verification: VerificationService) {}

  @RpcHandler(IdentityRpc.VERIFICATION_VERIFY)
  verify(@Payload() request: VerifyRequest): Promise<VerificationResult> {
    return this.verification.verify(request);
  }

  // Checks and their access-log lines are written by a shared batcher, not one transaction:
  // the key and its outcome are stored once the batch is answered.
  @RpcHandler(IdentityRpc.VERIFICATION_VERIFY_BATCH)
  @Idempotent()
  verifyBatch(@Payload() request: VerifyBatchRequest): Promise<VerifyBatchReply> {
    return this.verification.verifyBatch(request);
  }
}
