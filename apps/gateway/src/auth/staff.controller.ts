import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CreateStaffReply, type Principal, IdentityRpc } from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { Role, STAFF_ROLES } from '#lib/domain';
import { CurrentPrincipal, Roles } from './auth.decorators.js';
import { CreateStaffBody } from './auth.dto.js';

@ApiTags('Accounts and tokens')
@ApiBearerAuth()
@Controller('admin/staff')
export class StaffController {
  constructor(private readonly services: RpcClient) {}

  @Post()
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'An ADMIN creates a staff account', description: '409 when the username is taken.' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['username', 'password', 'fullName', 'nip', 'role', 'regencyCode'],
      properties: {
        username: { type: 'string', example: 'siti.clerk' },
        password: { type: 'string', minLength: 10 },
        fullName: { type: 'string' },
        nip: { type: 'string', pattern: '^\\d{18}$' },
        role: { type: 'string', enum: [...STAFF_ROLES] },
        regencyCode: { type: 'string', example: '16.02' },
      },
    },
  })
  create(@Body() body: CreateStaffBody, @CurrentPrincipal() principal: Principal): Promise<CreateStaffReply> {
    return this.services.call(IdentityRpc.STAFF_CREATE, { ...body, principal });
  }
}
