import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AssignFamilyCardNumberRequest,
  AssignNikRequest,
  type AssignFamilyCardNumberReply,
  type AssignNikReply,
  IdentityRpc,
} from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { IdentifierService } from './identifier.service.js';

@Controller()
export class IdentifierHandler {
  constructor(private readonly identifiers: IdentifierService) {}

  @RpcHandler(IdentityRpc.NIK_ASSIGN)
  assignNik(@Payload() request: AssignNikRequest): Promise<AssignNikReply> {
    return this.identifiers.assignNik(request);
  }

  @RpcHandler(IdentityRpc.FAMILY_CARD_NUMBER_ASSIGN)
  assignFamilyCardNumber(@Payload() request: AssignFamilyCardNumberRequest): Promise<AssignFamilyCardNumberReply> {
    return this.identifiers.assignFamilyCardNumber(request);
  }
}
