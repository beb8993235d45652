import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { AuthHandler } from './auth.handler.js';
import { LoginService } from './login.service.js';
import { MfaService } from './mfa.service.js';
import { OwnSessionsService } from './own-sessions.service.js';
import { PasswordChangeService } from './password-change.service.js';
import { SecondFactor } from './second-factor.js';
import { SessionTokensService } from './session-tokens.service.js';
import { SessionService } from './session.service.js';
import { SigningKeys } from './signing-keys.js';

@Module({
  imports: [AccountsModule, RegistryModule],
  controllers: [AuthHandler],
  providers: [
    SigningKeys,
    SecondFactor,
    SessionTokensService,
    LoginService,
    SessionService,
    MfaService,
    PasswordChangeService,
    OwnSessionsService,
  ],
  exports: [SigningKeys],
})
export class AuthModule {}
