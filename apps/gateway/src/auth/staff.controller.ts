import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBodyFrom, ApiParamsFrom, ApiProblems, ApiQueryFrom, ApiResult } from '../docs/api-docs.decorators.js';
import {
  type CreateStaffReply,
  type Page,
  type Principal,
  type ResetPasswordReply,
  type StaffView,
  IdentityRpc,
} from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { Role } from '#lib/domain';
import { CurrentPrincipal, Roles } from './auth.decorators.js';
import { CreateStaffBody, StaffIdParams, StaffPageQuery } from './auth.dto.js';

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

  @Get()
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Staff accounts, disabled ones too, by username' })
  @ApiQueryFrom(StaffPageQuery)
  @ApiResult(200, 'StaffPage', 'A page of staff accounts')
  list(@Query() query: StaffPageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<StaffView>> {
    return this.services.call(IdentityRpc.STAFF_LIST, { ...query, principal });
  }

  @Post(':id/disable')
  @Roles(Role.ADMIN)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable a staff account',
    description:
      'Its tokens are refused from the next request on, on every gateway replica, and it cannot sign in. An ADMIN ' +
      'cannot disable itself (403). 404 for an unknown id or an account that is not staff.',
  })
  @ApiParamsFrom(StaffIdParams)
  @ApiResult(200, 'StaffView', 'The staff account, disabled')
  @ApiProblems('STAFF.NOT_FOUND', 'STAFF.CANNOT_DISABLE_SELF', 'ADMIN.OUT_OF_SCOPE')
  disable(@Param() params: StaffIdParams, @CurrentPrincipal() principal: Principal): Promise<StaffView> {
    return this.services.call(IdentityRpc.STAFF_DISABLE, { staffId: params.id, principal });
  }

  @Post(':id/enable')
  @Roles(Role.ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled staff account again' })
  @ApiParamsFrom(StaffIdParams)
  @ApiResult(200, 'StaffView', 'The staff account, enabled')
  @ApiProblems('STAFF.NOT_FOUND', 'ADMIN.OUT_OF_SCOPE')
  enable(@Param() params: StaffIdParams, @CurrentPrincipal() principal: Principal): Promise<StaffView> {
    return this.services.call(IdentityRpc.STAFF_ENABLE, { staffId: params.id, principal });
  }

  @Post(':id/reset-password')
  @Roles(Role.ADMIN)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Give a staff account a temporary password',
    description:
      'Shown in this answer only. Every token of the account is refused at once; after signing in with it the ' +
      'account may only set a new password (403 AUTH.PASSWORD_CHANGE_REQUIRED elsewhere).',
  })
  @ApiParamsFrom(StaffIdParams)
  @ApiResult(200, 'ResetPasswordReply', 'The temporary password')
  @ApiProblems('STAFF.NOT_FOUND', 'ADMIN.OUT_OF_SCOPE')
  resetPassword(@Param() params: StaffIdParams, @CurrentPrincipal() principal: Principal): Promise<ResetPasswordReply> {
    return this.services.call(IdentityRpc.STAFF_RESET_PASSWORD, { staffId: params.id, principal });
  }

  @Post(':id/reset-mfa')
  @Roles(Role.ADMIN)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Turn off the second factor of a staff account that lost it (phone and recovery codes)',
    description:
      'Its secret and recovery codes are deleted and every token of the account is refused at once, on every ' +
      'gateway replica. The next sign-in asks no code; where the role requires a second factor, that session may ' +
      'only enrol again (403 AUTH.MFA_ENROLMENT_REQUIRED elsewhere). A regency ADMIN acts within its regency only ' +
      '(403 ADMIN.OUT_OF_SCOPE); an ADMIN cannot reset its own (403). 404 for an unknown id or a non-staff account.',
  })
  @ApiParamsFrom(StaffIdParams)
  @ApiResult(200, 'StaffView', 'The staff account, second factor off')
  @ApiProblems('STAFF.NOT_FOUND', 'STAFF.CANNOT_RESET_OWN_MFA', 'ADMIN.OUT_OF_SCOPE')
  resetMfa(@Param() params: StaffIdParams, @CurrentPrincipal() principal: Principal): Promise<StaffView> {
    return this.services.call(IdentityRpc.STAFF_RESET_MFA, { staffId: params.id, principal });
  }
}
