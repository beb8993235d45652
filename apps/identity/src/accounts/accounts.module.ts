import { Module } from '@nestjs/common';
import { AttemptThrottle } from '../auth/attempt-throttle.js';
import { LoginThrottleRepository } from '../auth/login-throttle.repository.js';
import { RegistryModule } from '../registry/registry.module.js';
import { AccountSessionsService } from './account-sessions.service.js';
import { AccountRepository } from './account.repository.js';
import { AccountService } from './account.service.js';
import { AccountsHandler } from './accounts.handler.js';
import { AdminBootstrapService } from './admin-bootstrap.service.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordPolicy } from './password-policy.js';
import { RegistrationService } from './registration.service.js';
import { SecondFactorRepository } from './second-factor.repository.js';
import { SessionRepository } from './session.repository.js';
import { StaffAdminService } from './staff-admin.service.js';
import { StaffService } from './staff.service.js';

@Module({
  imports: [RegistryModule],
  controllers: [AccountsHandler],
  providers: [
    AccountRepository,
    SessionRepository,
    SecondFactorRepository,
    PasswordHasher,
    PasswordPolicy,
    LoginThrottleRepository,
    AttemptThrottle,
    AccountSessionsService,
    RegistrationService,
    StaffService,
    StaffAdminService,
    AccountService,
    AdminBootstrapService,
  ],
  exports: [
    AccountRepository,
    SessionRepository,
    SecondFactorRepository,
    PasswordHasher,
    PasswordPolicy,
    AttemptThrottle,
    AccountSessionsService,
  ],
})
export class AccountsModule {}
