import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateStaffRequest,
  GetAccountRequest,
  ListStaffRequest,
  RegisterAccountRequest,
  SessionStateRequest,
  StaffAccountRequest,
  type AccountView,
  type CreateStaffReply,
  type Page,
  type RegisterAccountReply,
  type ResetPasswordReply,
  type SessionStateReply,
  type StaffView,
  IdentityRpc,
} from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { AccountSessionsService } from './account-sessions.service.js';
import { AccountService } from './account.service.js';
import { RegistrationService } from './registration.service.js';
import { StaffAdminService } from './staff-admin.service.js';
import { StaffService } from './staff.service.js';

@Controller()
export class AccountsHandler {
  constructor(
    private readonly registration: RegistrationService,
    private readonly staff: StaffService,
    private readonly staffAdmin: StaffAdminService,
    private readonly accounts: AccountService,
    private readonly sessions: AccountSessionsService,
  ) {}

  @RpcHandler(IdentityRpc.ACCOUNT_REGISTER)
  register(@Payload() request: RegisterAccountRequest): Promise<RegisterAccountReply> {
    return this.registration.register(request);
  }

  @RpcHandler(IdentityRpc.STAFF_CREATE)
  createStaff(@Payload() request: CreateStaffRequest): Promise<CreateStaffReply> {
    return this.staff.create(request);
  }

  @RpcHandler(IdentityRpc.ACCOUNT_GET)
  me(@Payload() request: GetAccountRequest): Promise<AccountView> {
    return this.accounts.me(request);
  }

  @RpcHandler(IdentityRpc.SESSION_STATE)
  sessionState(@Payload() request: SessionStateRequest): Promise<SessionStateReply> {
    return this.sessions.state(request);
  }

  @RpcHandler(IdentityRpc.STAFF_LIST)
  listStaff(@Payload() request: ListStaffRequest): Promise<Page<StaffView>> {
    return this.staffAdmin.list(request);
  }

  @RpcHandler(IdentityRpc.STAFF_DISABLE)
  disableStaff(@Payload() request: StaffAccountRequest): Promise<StaffView> {
    return this.staffAdmin.disable(request);
  }

  @RpcHandler(IdentityRpc.STAFF_ENABLE)
  enableStaff(@Payload() request: StaffAccountRequest): Promise<StaffView> {
    return this.staffAdmin.enable(request);
  }

  @RpcHandler(IdentityRpc.STAFF_RESET_PASSWORD)
  resetStaffPassword(@Payload() request: StaffAccountRequest): Promise<ResetPasswordReply> {
    return this.staffAdmin.resetPassword(request);
  }

  @RpcHandler(IdentityRpc.STAFF_RESET_MFA)
  resetStaffMfa(@Payload() request: StaffAccountRequest): Promise<StaffView> {
    return this.staffAdmin.resetMfa(request);
  }
}
