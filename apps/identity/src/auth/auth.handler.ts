import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityPatterns, ListKeysRequest, LoginRequest, type ListKeysReply, type LoginReply } from '#lib/contracts';
import { LoginService } from './login.service.js';
import { SigningKeys } from './signing-keys.js';

@Controller()
export class AuthHandler {
  constructor(
    private readonly login: LoginService,
    private readonly keys: SigningKeys,
  ) {}

  @MessagePattern(IdentityPatterns.KEYS_LIST)
  listKeys(@Payload() _request: ListKeysRequest): ListKeysReply {
    return { keys: this.keys.publicKeys() };
  }

  @MessagePattern(IdentityPatterns.ACCOUNT_LOGIN)
  signIn(@Payload() request: LoginRequest): Promise<LoginReply> {
    return this.login.login(request);
  }
}
