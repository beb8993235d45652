import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiParamsFrom, ApiProblems, ApiResult } from '../docs/api-docs.decorators.js';
import { type FamilyView, type Principal, IdentityRpc } from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { Role } from '#lib/domain';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { FamilyCardNumberParams } from './registry.dto.js';

@ApiTags('Population registry')
@Controller('families')
export class FamiliesController {
  constructor(private readonly services: RpcClient) {}

  @Get(':familyCardNumber')
  @Roles(Role.CLERK, Role.OFFICIAL, Role.ADMIN, Role.RESIDENT)
  @ApiOperation({
    summary: 'A family with its members (staff of its regency; residents who are members)',
    description:
      'Adds to API.md: headNik, districtCode, regencyCode, provinceCode and the upper-case names of the village, ' +
      'district, regency and province. 404 for a family that is not yours.',
  })
  @ApiParamsFrom(FamilyCardNumberParams)
  @ApiResult(200, 'FamilyView', 'The family with its members')
  @ApiProblems('FAMILY.NOT_FOUND')
  read(@Param() params: FamilyCardNumberParams, @CurrentPrincipal() principal: Principal): Promise<FamilyView> {
    return this.services.call(IdentityRpc.FAMILY_READ, {
      principal,
      familyCardNumber: params.familyCardNumber,
    });
  }
}
