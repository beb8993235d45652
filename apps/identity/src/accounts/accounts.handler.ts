import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateStaffRequest,
  GetAccountRequest,
  RegisterAccountRequest,
  type AccountView,
  type CreateStaffReply,
  type RegisterAccountReply,
  IdentityRpc,
} from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { AccountService } from './account.service.js';
import { RegistrationService } from './registration.service.js';
import { StaffService } from './staff.service.js';

@Controller()
export class AccountsHandler {
  constructor(
    private readonly registration: RegistrationService,
    private readonly staff: StaffService,
    private readonly accounts: AccountService,
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
}
