import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { JwksCache } from './jwks-cache.js';
import { MeController } from './me.controller.js';
import { StaffController } from './staff.controller.js';
import { TokenVerifier } from './token-verifier.js';

/** Sign-up, sign-in and the guard that verifies access tokens on every route that needs one. */
@Module({
  controllers: [AuthController, MeController, StaffController],
  providers: [JwksCache, TokenVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenVerifier],
})
export class AuthModule {}
