import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { type LoginReply, type RegisterAccountReply, IdentityRpc } from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { ApiBodyFrom, ApiProblems, ApiResult } from '../docs/api-docs.decorators.js';
import { Public } from './auth.decorators.js';
import { LoginBody, RegisterBody } from './auth.dto.js';

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
      'message. 409 when the NIK already has an account. Password of at least 10 characters.',
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
  register(@Body() body: RegisterBody): Promise<RegisterAccountReply> {
    return this.services.call(IdentityRpc.ACCOUNT_REGISTER, body);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Residents (NIK as username) and staff sign in',
    description: '401 on failure; after repeated failures for a username or from an address, 429 with Retry-After.',
  })
  @ApiBodyFrom(LoginBody, { example: { username: 'siti.clerk', password: 'kata-sandi-contoh-1' } })
  @ApiResult(200, 'LoginReply', 'Signed in')
  @ApiProblems('AUTH.INVALID_CREDENTIALS', 'AUTH.TOO_MANY_ATTEMPTS')
  login(@Body() body: LoginBody, @Req() request: FastifyRequest): Promise<LoginReply> {
    return this.services.call(IdentityRpc.ACCOUNT_LOGIN, { ...body, clientAddress: request.ip });
  }
}
