import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ChangePasswordRequest,
  CompleteMfaLoginRequest,
  ConfirmMfaRequest,
  EndOtherSessionsRequest,
  EndSessionRequest,
  ListSessionsRequest,
  LoginRequest,
  LogoutRequest,
  RefreshSessionRequest,
  StartMfaEnrolmentRequest,
  type EndOtherSessionsReply,
  type LoginReply,
  type Page,
  type SessionView,
  type MfaEnrolmentReply,
  type RecoveryCodesReply,
  type SessionReply,
  IdentityRpc,
} from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { LoginService } from './login.service.js';
import { MfaService } from './mfa.service.js';
import { OwnSessionsService } from './own-sessions.service.js';
import { PasswordChangeService } from './password-change.service.js';
import { SessionService } from './session.service.js';

@Controller()
export class AuthHandler {
  constructor(
    private readonly login: LoginService,
    private readonly sessions: SessionService,
    private readonly mfa: MfaService,
    private readonly passwords: PasswordChangeService,
    private readonly ownSessions: OwnSessionsService,
  ) {}

  @RpcHandler(IdentityRpc.ACCOUNT_LOGIN)
  signIn(@Payload() request: LoginRequest): Promise<LoginReply> {
    return this.login.login(request);
  }

  @RpcHandler(IdentityRpc.SESSION_REFRESH)
  refresh(@Payload() request: RefreshSessionRequest): Promise<SessionReply> {
    return this.sessions.refresh(request);
  }

  @RpcHandler(IdentityRpc.SESSION_REVOKE)
  logout(@Payload() request: LogoutRequest): Promise<void> {
    return this.sessions.logout(request);
  }

  @RpcHandler(IdentityRpc.SESSION_LIST)
  listSessions(@Payload() request: ListSessionsRequest): Promise<Page<SessionView>> {
    return this.ownSessions.list(request);
  }

  @RpcHandler(IdentityRpc.SESSION_END)
  endSession(@Payload() request: EndSessionRequest): Promise<void> {
    return this.ownSessions.end(request);
  }

  @RpcHandler(IdentityRpc.SESSION_END_OTHERS)
  endOtherSessions(@Payload() request: EndOtherSessionsRequest): Promise<EndOtherSessionsReply> {
    return this.ownSessions.endOthers(request);
  }

  @RpcHandler(IdentityRpc.ACCOUNT_CHANGE_PASSWORD)
  changePassword(@Payload() request: ChangePasswordRequest): Promise<void> {
    return this.passwords.change(request);
  }

  @RpcHandler(IdentityRpc.MFA_START)
  startMfa(@Payload() request: StartMfaEnrolmentRequest): Promise<MfaEnrolmentReply> {
    return this.mfa.start(request);
  }

  @RpcHandler(IdentityRpc.MFA_CONFIRM)
  confirmMfa(@Payload() request: ConfirmMfaRequest): Promise<void> {
    return this.mfa.confirm(request);
  }

  @RpcHandler(IdentityRpc.MFA_RECOVERY_CODES)
  newRecoveryCodes(@Payload() request: ConfirmMfaRequest): Promise<RecoveryCodesReply> {
    return this.mfa.newRecoveryCodes(request);
  }

  @RpcHandler(IdentityRpc.MFA_VERIFY)
  completeMfaLogin(@Payload() request: CompleteMfaLoginRequest): Promise<SessionReply> {
    return this.mfa.completeLogin(request);
  }
}
