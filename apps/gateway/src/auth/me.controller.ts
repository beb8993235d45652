import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccountView, type Principal, IdentityRpc } from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { Authenticated, CurrentPrincipal } from './auth.decorators.js';

@ApiTags('Accounts and tokens')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly services: RpcClient) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in account: { id, role, nik?, username?, regencyCode? } (+ fullName?)' })
  me(@CurrentPrincipal() principal: Principal): Promise<AccountView> {
    return this.services.call(IdentityRpc.ACCOUNT_GET, { principal });
  }
}
