import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  type LoginReply,
  type Principal,
  type RegisterAccountReply,
  type SessionReply,
  IdentityRpc,
} from '#lib/contracts';
import { describeDevice } from '#lib/domain';
import { RpcClient } from '#lib/platform/rpc';
import { ApiBodyFrom, ApiProblems, ApiResult } from '../docs/api-docs.decorators.js';
import { AllowedWhile, Authenticated, CurrentPrincipal, Public } from './auth.decorators.js';
import { LoginBody, LogoutBody, MfaLoginBody, RefreshBody, RegisterBody } from './auth.dto.js';

/** Where a sign-in or refresh comes from, for the person's list of sessions (`GET /me/sessions`). */
function originOf(request: FastifyRequest): { clientAddress: string; device: string } {
  return { clientAddress: request.ip, device: describeDevice(request.headers['user-agent']) };
}

const THROTTLED =
  'Throttled per account and per client address (the forwarded address only with TRUST_PROXY): after a few ' +
  'failures each further attempt waits a little longer (429 with Retry-After), up to a few minutes; a delay, not ' +
  'a lock: once it has passed the right answer works.';

@ApiTags('Accounts and tokens')
@Controller('auth')
export class AuthController {
  constructor(private readonly services: RpcClient) {}

  @Post('register')
  @Public()
  @ApiOperation({
    summary: 'A resident opens an account',
    description:
      'Only when the NIK is an ACTIVE member of that KK with that birth date; otherwise 422 with one generic ' +
      'message. 409 when the NIK already has an account. Password of at least 10 characters. Wrong guesses are ' +
      'throttled per NIK and per client address: 429 with Retry-After after a handful.',
  })
  @ApiBodyFrom(RegisterBody, {
    example: {
      nik: '1602054101900001',
      familyCardNumber: '1602050101150001',
      birthDate: '1990-01-01',
      password: 'kata-sandi-contoh-1',
    },
  })
  @ApiResult(201, 'RegisterAccountReply', 'The new account')
  @ApiProblems('AUTH.REGISTRATION_REJECTED', 'AUTH.ACCOUNT_EXISTS', 'AUTH.TOO_MANY_ATTEMPTS')
  register(@Body() body: RegisterBody, @Req() request: FastifyRequest): Promise<RegisterAccountReply> {
    return this.services.call(IdentityRpc.ACCOUNT_REGISTER, { ...body, clientAddress: request.ip });
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Residents (NIK as username) and staff sign in',
    description:
      '200 with an access token (at most 15 minutes) and a refresh token; an account with a second factor gets ' +
      '`{ mfaRequired: true, mfaToken }` instead, for POST /auth/mfa. 401 on failure (also for a deceased ' +
      `resident). ${THROTTLED}`,
  })
  @ApiBodyFrom(LoginBody, { example: { username: 'siti.clerk', password: 'kata-sandi-contoh-1' } })
  @ApiResult(200, 'LoginReply', 'Signed in, or the second factor is asked for')
  @ApiProblems('AUTH.INVALID_CREDENTIALS', 'AUTH.TOO_MANY_ATTEMPTS')
  login(@Body() body: LoginBody, @Req() request: FastifyRequest): Promise<LoginReply> {
    return this.services.call(IdentityRpc.ACCOUNT_LOGIN, { ...body, ...originOf(request) });
  }

  @Post('mfa')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'The second step of a sign-in: the authenticator code (or a recovery code, once)',
    description: `The mfaToken of POST /auth/login, valid a few minutes and once. 401 on a wrong code. ${THROTTLED}`,
  })
  @ApiBodyFrom(MfaLoginBody, { example: { mfaToken: 'a'.repeat(64), code: '123456' } })
  @ApiResult(200, 'SessionReply', 'Signed in')
  @ApiProblems('AUTH.INVALID_CREDENTIALS', 'AUTH.TOO_MANY_ATTEMPTS')
  mfa(@Body() body: MfaLoginBody, @Req() request: FastifyRequest): Promise<SessionReply> {
    return this.services.call(IdentityRpc.MFA_VERIFY, { ...body, ...originOf(request) });
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new access token for a refresh token (rotation)',
    description:
      'Each refresh token works once and is replaced by the one in the answer. A spent one presented again ends ' +
      'its whole session (401): someone kept a copy. 401 too after sign-out, a password change, a disabled account.',
  })
  @ApiBodyFrom(RefreshBody, { example: { refreshToken: 'b'.repeat(64) } })
  @ApiResult(200, 'SessionReply', 'The next tokens of the session')
  @ApiProblems('AUTH.UNAUTHENTICATED')
  refresh(@Body() body: RefreshBody, @Req() request: FastifyRequest): Promise<SessionReply> {
    return this.services.call(IdentityRpc.SESSION_REFRESH, { ...body, ...originOf(request) });
  }

  @Post('logout')
  @Authenticated()
  @AllowedWhile('PASSWORD_CHANGE', 'MFA_ENROLMENT')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out: the session ends',
    description:
      'The access token (and the refresh token, when given) are refused from the next request on, by every ' +
      'gateway replica.',
  })
  @ApiBodyFrom(LogoutBody, { example: { refreshToken: 'b'.repeat(64) } })
  @ApiResponse({ status: 204, description: 'Signed out' })
  async logout(@Body() body: LogoutBody, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.services.call(IdentityRpc.SESSION_REVOKE, { ...body, principal });
  }
}
