import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateStaffRequest,
  GetAccountRequest,
  IdentityPatterns,
  RegisterAccountRequest,
  type AccountView,
  type CreateStaffReply,
  type RegisterAccountReply,
} from '#lib/contracts';
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

  @MessagePattern(IdentityPatterns.ACCOUNT_REGISTER)
  register(@Payload() request: RegisterAccountRequest): Promise<RegisterAccountReply> {
    return this.registration.register(request);
  }

  @MessagePattern(IdentityPatterns.STAFF_CREATE)
  createStaff(@Payload() request: CreateStaffRequest): Promise<CreateStaffReply> {
    return this.staff.create(request);
  }

  @MessagePattern(IdentityPatterns.ACCOUNT_GET)
  me(@Payload() request: GetAccountRequest): Promise<AccountView> {
    return this.accounts.me(request);
  }
}
