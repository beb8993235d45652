import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module.js';
import { AccountRepository } from './account.repository.js';
import { AccountService } from './account.service.js';
import { AccountsHandler } from './accounts.handler.js';
import { AdminBootstrapService } from './admin-bootstrap.service.js';
import { PasswordHasher } from './password-hasher.js';
import { RegistrationService } from './registration.service.js';
import { StaffService } from './staff.service.js';

@Module({
  imports: [RegistryModule],
  controllers: [AccountsHandler],
  providers: [
    AccountRepository,
    PasswordHasher,
    RegistrationService,
    StaffService,
    AccountService,
    AdminBootstrapService,
  ],
  exports: [AccountRepository, PasswordHasher],
})
export class AccountsModule {}
