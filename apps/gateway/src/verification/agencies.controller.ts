import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags, OmitType } from '@nestjs/swagger';
import { ApiBodyFrom, ApiParamsFrom, ApiProblems, ApiQueryFrom, ApiResult } from '../docs/api-docs.decorators.js';
import { PageQuery } from '../registry/registry.dto.js';
import { IsUUID } from 'class-validator';
import {
  CreateAgencyRequest,
  type AgencyUsageView,
  type AgencyView,
  type CreateAgencyReply,
  type Page,
  type Principal,
  IdentityRpc,
} from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { Role } from '#lib/domain';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';

/** `POST /admin/agencies`: the caller is added by the gateway. */
export class CreateAgencyBody extends OmitType(CreateAgencyRequest, ['principal'] as const) {}

export class AgencyIdParams {
  @IsUUID()
  id: string;
}

@ApiTags('Accounts and tokens')
@Controller('admin/agencies')
export class AgenciesController {
  constructor(private readonly services: RpcClient) {}

  @Post()
  @Roles(Role.ADMIN)
  @ApiOperation({
    summary: 'An ADMIN registers an agency (lembaga pengguna)',
    description:
      'allowedFields are the request fields of POST /verifications the agreement allows; requestsPerMinute counts ' +
      'NIK checks (a batch of 1,000 uses 1,000). The client secret is in this answer only.',
  })
  @ApiBodyFrom(CreateAgencyBody, {
    example: { name: 'BANK CONTOH TBK', allowedFields: ['fullName', 'birthDate'], requestsPerMinute: 6000 },
  })
  @ApiResult(201, 'CreateAgencyReply', 'The agency and its credentials')
  @ApiProblems('ADMIN.OUT_OF_SCOPE')
  create(@Body() body: CreateAgencyBody, @CurrentPrincipal() principal: Principal): Promise<CreateAgencyReply> {
    return this.services.call(IdentityRpc.AGENCY_CREATE, { ...body, principal });
  }

  @Get()
  @Roles(Role.ADMIN)
  @ApiOperation({
    summary: 'The agencies with their use today (deployment-wide ADMIN): { items, total }',
    description:
      'By name. checksToday counts NIK checks since local midnight in the deployment’s time zone (that of ' +
      'ADMIN_REGENCY_CODE). Agencies serve the whole deployment, so a regency ADMIN gets 403 ADMIN.OUT_OF_SCOPE.',
  })
  @ApiQueryFrom(PageQuery)
  @ApiResult(200, 'AgencyPage', 'A page of agencies')
  @ApiProblems('ADMIN.OUT_OF_SCOPE')
  list(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<AgencyUsageView>> {
    return this.services.call(IdentityRpc.AGENCY_LIST, { principal, ...query });
  }

  @Post(':id/suspend')
  @Roles(Role.ADMIN)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Suspend an agency (added endpoint)',
    description:
      'Its tokens stop working at once (401 AGENCY.SUSPENDED) and it gets no new ones. 404 for an unknown id.',
  })
  @ApiParamsFrom(AgencyIdParams)
  @ApiResult(200, 'AgencyView', 'The agency, suspended')
  @ApiProblems('AGENCY.NOT_FOUND', 'ADMIN.OUT_OF_SCOPE')
  suspend(@Param() params: AgencyIdParams, @CurrentPrincipal() principal: Principal): Promise<AgencyView> {
    return this.services.call(IdentityRpc.AGENCY_SUSPEND, { agencyId: params.id, principal });
  }

  @Post(':id/resume')
  @Roles(Role.ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a suspended agency (added endpoint)' })
  @ApiParamsFrom(AgencyIdParams)
  @ApiResult(200, 'AgencyView', 'The agency, resumed')
  @ApiProblems('AGENCY.NOT_FOUND', 'ADMIN.OUT_OF_SCOPE')
  resume(@Param() params: AgencyIdParams, @CurrentPrincipal() principal: Principal): Promise<AgencyView> {
    return this.services.call(IdentityRpc.AGENCY_RESUME, { agencyId: params.id, principal });
  }
}
