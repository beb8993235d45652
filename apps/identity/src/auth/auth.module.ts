import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { AuthHandler } from './auth.handler.js';
import { LoginThrottleRepository } from './login-throttle.repository.js';
import { LoginService } from './login.service.js';
import { SigningKeys } from './signing-keys.js';

@Module({
  imports: [AccountsModule, RegistryModule],
  controllers: [AuthHandler],
  providers: [SigningKeys, LoginThrottleRepository, LoginService],
  exports: [SigningKeys],
})
export class AuthModule {}
