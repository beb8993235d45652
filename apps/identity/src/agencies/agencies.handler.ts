import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ChangeAgencyStatusRequest,
  CreateAgencyRequest,
  IdentityPatterns,
  IssueAgencyTokenRequest,
  type AgencyTokenReply,
  type AgencyView,
  type CreateAgencyReply,
} from '#lib/contracts';
import { AgencyTokenService } from './agency-token.service.js';
import { AgencyService } from './agency.service.js';

@Controller()
export class AgenciesHandler {
  constructor(
    private readonly agencies: AgencyService,
    private readonly tokens: AgencyTokenService,
  ) {}

  @MessagePattern(IdentityPatterns.AGENCY_CREATE)
  create(@Payload() request: CreateAgencyRequest): Promise<CreateAgencyReply> {
    return this.agencies.create(request);
  }

  @MessagePattern(IdentityPatterns.AGENCY_SUSPEND)
  suspend(@Payload() request: ChangeAgencyStatusRequest): Promise<AgencyView> {
    return this.agencies.suspend(request);
  }

  @MessagePattern(IdentityPatterns.AGENCY_RESUME)
  resume(@Payload() request: ChangeAgencyStatusRequest): Promise<AgencyView> {
    return this.agencies.resume(request);
  }

  @MessagePattern(IdentityPatterns.AGENCY_TOKEN)
  token(@Payload() request: IssueAgencyTokenRequest): Promise<AgencyTokenReply> {
    return this.tokens.issue(request);
  }
}
