import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AssignFamilyCardNumberRequest,
  AssignNikRequest,
  IdentityPatterns,
  type AssignFamilyCardNumberReply,
  type AssignNikReply,
} from '#lib/contracts';
import { IdentifierService } from './identifier.service.js';

@Controller()
export class IdentifierHandler {
  constructor(private readonly identifiers: IdentifierService) {}

  @MessagePattern(IdentityPatterns.NIK_ASSIGN)
  assignNik(@Payload() request: AssignNikRequest): Promise<AssignNikReply> {
    return this.identifiers.assignNik(request);
  }

  @MessagePattern(IdentityPatterns.FAMILY_CARD_NUMBER_ASSIGN)
  assignFamilyCardNumber(@Payload() request: AssignFamilyCardNumberRequest): Promise<AssignFamilyCardNumberReply> {
    return this.identifiers.assignFamilyCardNumber(request);
  }
}
