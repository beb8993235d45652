import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBodyFrom, ApiProblems, ApiResult } from '../docs/api-docs.decorators.js';
import { type CreateStaffReply, type Principal, IdentityRpc } from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { Role } from '#lib/domain';
import { CurrentPrincipal, Roles } from './auth.decorators.js';
import { CreateStaffBody } from './auth.dto.js';

@ApiTags('Accounts and tokens')
@Controller('admin/staff')
export class StaffController {
  constructor(private readonly services: RpcClient) {}

  @Post()
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'An ADMIN creates a staff account', description: '409 when the username is taken.' })
  @ApiBodyFrom(CreateStaffBody, {
    example: {
      username: 'siti.clerk',
      password: 'kata-sandi-contoh-1',
      fullName: 'SITI RAHAYU',
      nip: '198501012010012001',
      role: 'CLERK',
      regencyCode: '16.02',
    },
  })
  @ApiResult(201, 'CreateStaffReply', 'The new staff account')
  @ApiProblems('STAFF.USERNAME_TAKEN')
  create(@Body() body: CreateStaffBody, @CurrentPrincipal() principal: Principal): Promise<CreateStaffReply> {
    return this.services.call(IdentityRpc.STAFF_CREATE, { ...body, principal });
  }
}
