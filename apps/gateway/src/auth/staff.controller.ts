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
  @ApiOperation({
    summary: 'An ADMIN creates a staff account',
    description:
      '409 when the username, the NIP (one staff account per person) or the NIK is taken. A regency ADMIN creates ' +
      'staff in its own regency only (403 ADMIN.OUT_OF_SCOPE); `scope: "DEPLOYMENT"` (ADMIN accounts only, added ' +
      'field) makes a deployment-wide ADMIN and only a deployment-wide ADMIN may give it. `nik` (added field): the ' +
      'NIK of the person, which keeps them off their own family’s applications.',
  })
  @ApiBodyFrom(CreateStaffBody, {
    example: {
      username: 'siti.clerk',
      password: 'kata-sandi-contoh-1',
      fullName: 'SITI RAHAYU',
      nip: '198501012010012001',
      role: 'CLERK',
      regencyCode: '16.02',
      nik: '1602014101900001',
    },
  })
  @ApiResult(201, 'CreateStaffReply', 'The new staff account')
  @ApiProblems('STAFF.USERNAME_TAKEN', 'STAFF.NIP_TAKEN', 'STAFF.NIK_TAKEN', 'ADMIN.OUT_OF_SCOPE')
  create(@Body() body: CreateStaffBody, @CurrentPrincipal() principal: Principal): Promise<CreateStaffReply> {
    return this.services.call(IdentityRpc.STAFF_CREATE, { ...body, principal });
  }
}
