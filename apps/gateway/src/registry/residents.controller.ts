import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdentityPatterns, type PersonView, type Principal } from '#lib/contracts';
import { Role } from '#lib/domain';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { ServiceClient } from '../nats/service-client.js';
import { NikParams } from './registry.dto.js';

@ApiTags('Population registry')
@ApiBearerAuth()
@Controller('residents')
export class ResidentsController {
  constructor(private readonly services: ServiceClient) {}

  @Get(':nik')
  @Roles(Role.CLERK, Role.OFFICIAL, Role.ADMIN)
  @ApiOperation({
    summary: 'A person of the registry (staff of the regency of their family)',
    description: '404 for a person of another regency, as for an unknown one. Every read is in the access log.',
  })
  read(@Param() params: NikParams, @CurrentPrincipal() principal: Principal): Promise<PersonView> {
    return this.services.request(IdentityPatterns.RESIDENT_READ, { principal, nik: params.nik });
  }
}
