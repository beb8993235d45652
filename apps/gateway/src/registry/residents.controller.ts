import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiParamsFrom, ApiProblems, ApiResult } from '../docs/api-docs.decorators.js';
import { type PersonView, type Principal, IdentityRpc } from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { Role } from '#lib/domain';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { NikParams } from './registry.dto.js';

@ApiTags('Population registry')
@Controller('residents')
export class ResidentsController {
  constructor(private readonly services: RpcClient) {}

  @Get(':nik')
  @Roles(Role.CLERK, Role.OFFICIAL, Role.ADMIN)
  @ApiOperation({
    summary: 'A person of the registry (staff of the regency of their family)',
    description: '404 for a person of another regency, as for an unknown one. Every read is in the access log.',
  })
  @ApiParamsFrom(NikParams)
  @ApiResult(200, 'PersonView', 'The person')
  @ApiProblems('RESIDENT.NOT_FOUND')
  read(@Param() params: NikParams, @CurrentPrincipal() principal: Principal): Promise<PersonView> {
    return this.services.call(IdentityRpc.RESIDENT_READ, { principal, nik: params.nik });
  }
}
