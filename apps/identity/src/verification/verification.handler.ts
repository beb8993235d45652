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
import { VerificationService } from './verification.service.js';

@Controller()
export class VerificationHandler {
  constructor(private readonly verification: VerificationService) {}

  @RpcHandler(IdentityRpc.VERIFICATION_VERIFY)
  verify(@Payload() request: VerifyRequest): Promise<VerificationResult> {
    return this.verification.verify(request);
  }

  @RpcHandler(IdentityRpc.VERIFICATION_VERIFY_BATCH)
  verifyBatch(@Payload() request: VerifyBatchRequest): Promise<VerifyBatchReply> {
    return this.verification.verifyBatch(request);
  }
}
