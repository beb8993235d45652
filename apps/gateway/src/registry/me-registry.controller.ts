import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ApiQueryFrom, ApiResult } from '../docs/api-docs.decorators.js';
import { type AccessLogItem, type FamilyView, type Page, type Principal, IdentityRpc } from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { Role } from '#lib/domain';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { PageQuery } from './registry.dto.js';

@ApiTags('Population registry')
@Controller('me')
export class MeRegistryController {
  constructor(private readonly services: RpcClient) {}

  @Get('family')
  @Roles(Role.RESIDENT)
  @ApiOperation({ summary: "The resident's own family" })
  @ApiResult(200, 'FamilyView', "The resident's family")
  @ApiProblems('FAMILY.NOT_FOUND')
  family(@CurrentPrincipal() principal: Principal): Promise<FamilyView> {
    return this.services.call(IdentityRpc.FAMILY_READ_OWN, { principal });
  }

  @Get('access-log')
  @Roles(Role.RESIDENT)
  @ApiOperation({ summary: "Who read the resident's record, newest first: { items, total }" })
  @ApiQueryFrom(PageQuery)
  @ApiResult(200, 'AccessLogPage', 'Who read the record')
  accessLog(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<AccessLogItem>> {
    return this.services.call(IdentityRpc.ACCESS_LOG_LIST, { principal, ...query });
  }
}
