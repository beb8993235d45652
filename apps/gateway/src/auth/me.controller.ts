import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdentityPatterns, type AccountView, type Principal } from '#lib/contracts';
import { ServiceClient } from '../nats/service-client.js';
import { Authenticated, CurrentPrincipal } from './auth.decorators.js';

@ApiTags('Accounts and tokens')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in account: { id, role, nik?, username?, regencyCode? } (+ fullName?)' })
  me(@CurrentPrincipal() principal: Principal): Promise<AccountView> {
    return this.services.request(IdentityPatterns.ACCOUNT_GET, { principal });
  }
}
