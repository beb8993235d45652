import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ListKeysRequest, LoginRequest, type ListKeysReply, type LoginReply, IdentityRpc } from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { LoginService } from './login.service.js';
import { SigningKeys } from './signing-keys.js';

@Controller()
export class AuthHandler {
  constructor(
    private readonly login: LoginService,
    private readonly keys: SigningKeys,
  ) {}

  @RpcHandler(IdentityRpc.KEYS_LIST)
  listKeys(@Payload() _request: ListKeysRequest): ListKeysReply {
    return { keys: this.keys.publicKeys() };
  }

  @RpcHandler(IdentityRpc.ACCOUNT_LOGIN)
  signIn(@Payload() request: LoginRequest): Promise<LoginReply> {
    return this.login.login(request);
  }
}
