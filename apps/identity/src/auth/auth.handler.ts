import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { LoginRequest, type LoginReply, IdentityRpc } from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { LoginService } from './login.service.js';

@Controller()
export class AuthHandler {
  constructor(private readonly login: LoginService) {}

  @RpcHandler(IdentityRpc.ACCOUNT_LOGIN)
  signIn(@Payload() request: LoginRequest): Promise<LoginReply> {
    return this.login.login(request);
  }
}
