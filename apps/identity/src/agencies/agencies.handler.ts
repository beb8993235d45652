import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ChangeAgencyStatusRequest,
  CreateAgencyRequest,
  IssueAgencyTokenRequest,
  ListAgenciesRequest,
  type AgencyTokenReply,
  type AgencyUsageView,
  type Page,
  type AgencyView,
  type CreateAgencyReply,
  IdentityRpc,
} from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { AgencyTokenService } from './agency-token.service.js';
import { AgencyService } from './agency.service.js';

@Controller()
export class AgenciesHandler {
  constructor(
    private readonly agencies: AgencyService,
    private readonly tokens: AgencyTokenService,
  ) {}

  @RpcHandler(IdentityRpc.AGENCY_CREATE)
  create(@Payload() request: CreateAgencyRequest): Promise<CreateAgencyReply> {
    return this.agencies.create(request);
  }

  @RpcHandler(IdentityRpc.AGENCY_LIST)
  list(@Payload() request: ListAgenciesRequest): Promise<Page<AgencyUsageView>> {
    return this.agencies.list(request);
  }

  @RpcHandler(IdentityRpc.AGENCY_SUSPEND)
  suspend(@Payload() request: ChangeAgencyStatusRequest): Promise<AgencyView> {
    return this.agencies.suspend(request);
  }

  @RpcHandler(IdentityRpc.AGENCY_RESUME)
  resume(@Payload() request: ChangeAgencyStatusRequest): Promise<AgencyView> {
    return this.agencies.resume(request);
  }

  @RpcHandler(IdentityRpc.AGENCY_TOKEN)
  token(@Payload() request: IssueAgencyTokenRequest): Promise<AgencyTokenReply> {
    return this.tokens.issue(request);
  }
}
