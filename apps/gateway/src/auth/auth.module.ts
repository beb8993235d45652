import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule, HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { acceptedBody, inputRefusal } from '#lib/platform/http';
import { AccessDeclarationsCheck } from './access-declarations.check.js';
import { AgencyTokenController } from './agency-token.controller.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { MeController } from './me.controller.js';
import { MySessionsController } from './my-sessions.controller.js';
import { StaffController } from './staff.controller.js';
import { SessionStateCache } from './session-state.cache.js';
import { TokenVerifier } from './token-verifier.js';

/** A token request is a few short fields; anything longer is not one. */
const FORM_BODY_LIMIT_BYTES = 8 * 1024;

/**
 * Sign-up, sign-in (agencies: OAuth 2.0 client credentials) and the guard that verifies access
 * tokens on every route that needs one.
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [AuthController, AgencyTokenController, MeController, MySessionsController, StaffController],
  providers: [TokenVerifier, SessionStateCache, { provide: APP_GUARD, useClass: AuthGuard }, AccessDeclarationsCheck],
  exports: [TokenVerifier],
})
export class AuthModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** OAuth 2.0 clients send the token request form-encoded (RFC 6749 §4.4.2). */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (!fastify.hasContentTypeParser('application/x-www-form-urlencoded')) {
      fastify.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES },
        (_request, body, done) => {
          // The same checks as a JSON body (a U+0000 from `%00`: 400, not a database error).
          const form = Object.fromEntries(new URLSearchParams(body as string));
          const refused = inputRefusal(() => acceptedBody(form));
          done(refused ?? null, refused === undefined ? form : undefined);
        },
      );
    }
  }
}
