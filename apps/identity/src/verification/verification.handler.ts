import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  IdentityPatterns,
  VerifyBatchRequest,
  VerifyRequest,
  type VerificationResult,
  type VerifyBatchReply,
} from '#lib/contracts';
import { Idempotent } from '#lib/platform/idempotency';
import { VerificationService } from './verification.service.js';

@Controller()
export class VerificationHandler {
  constructor(private readonly verification: VerificationService) {}

  @MessagePattern(IdentityPatterns.VERIFICATION_VERIFY)
  verify(@Payload() request: VerifyRequest): Promise<VerificationResult> {
    return this.verification.verify(request);
  }

  @MessagePattern(IdentityPatterns.VERIFICATION_VERIFY_BATCH)
  // Checks and their access-log lines are written by a shared batcher, not one transaction:
  // the key and its outcome are stored once the batch is answered.
  @Idempotent()
  verifyBatch(@Payload() request: VerifyBatchRequest): Promise<VerifyBatchReply> {
    return this.verification.verifyBatch(request);
  }
}
