import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ApiResult } from '../docs/api-docs.decorators.js';
import { type AccountView, type Principal, IdentityRpc } from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { Authenticated, CurrentPrincipal } from './auth.decorators.js';

@ApiTags('Accounts and tokens')
@Controller('me')
export class MeController {
  constructor(private readonly services: RpcClient) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in account: { id, role, nik?, username?, regencyCode? } (+ fullName?)' })
  @ApiResult(200, 'AccountView', 'The account')
  @ApiProblems('ACCOUNT.NOT_FOUND')
  me(@CurrentPrincipal() principal: Principal): Promise<AccountView> {
    return this.services.call(IdentityRpc.ACCOUNT_GET, { principal });
  }
}
