import { OmitType } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  ChangePasswordRequest,
  CompleteMfaLoginRequest,
  ConfirmMfaRequest,
  CreateStaffRequest,
  ListSessionsRequest,
  ListStaffRequest,
  LoginRequest,
  LogoutRequest,
  PAGE_DEFAULT_LIMIT,
  RefreshSessionRequest,
  RegisterAccountRequest,
} from '#lib/contracts';
import { describeFields, numbersFromQuery } from '../http/derived-dto.js';

/** `POST /auth/register`: the client address is added by the gateway. */
export class RegisterBody extends OmitType(RegisterAccountRequest, ['clientAddress'] as const) {}

/** `POST /auth/login`: the client address and the device are added by the gateway. */
export class LoginBody extends OmitType(LoginRequest, ['clientAddress', 'device'] as const) {}

/** `POST /auth/mfa`: the client address and the device are added by the gateway. */
export class MfaLoginBody extends OmitType(CompleteMfaLoginRequest, ['clientAddress', 'device'] as const) {}

/** `POST /auth/refresh`: the client address and the device are added by the gateway. */
export class RefreshBody extends OmitType(RefreshSessionRequest, ['clientAddress', 'device'] as const) {}

/** `POST /auth/logout`: the caller is added by the gateway. */
export class LogoutBody extends OmitType(LogoutRequest, ['principal'] as const) {}

/** `POST /me/password`: the caller is added by the gateway. */
export class ChangePasswordBody extends OmitType(ChangePasswordRequest, ['principal'] as const) {}

/** `POST /me/mfa/confirm`: the caller is added by the gateway. */
export class ConfirmMfaBody extends OmitType(ConfirmMfaRequest, ['principal'] as const) {}

/** `POST /admin/staff`: the caller is added by the gateway. */
export class CreateStaffBody extends OmitType(CreateStaffRequest, ['principal'] as const) {}

/** `GET /admin/staff`: `?limit=` (default 20, max 100) and `?offset=`. */
export class StaffPageQuery extends OmitType(ListStaffRequest, ['principal'] as const) {}
numbersFromQuery(StaffPageQuery, 'limit', 'offset');
describeFields(StaffPageQuery, {
  limit: { default: PAGE_DEFAULT_LIMIT, description: 'Page size' },
  offset: { default: 0, description: 'How many to skip' },
});

/** `GET /me/sessions`: `?limit=` (default 20, max 100) and `?offset=`. */
export class SessionPageQuery extends OmitType(ListSessionsRequest, ['principal'] as const) {}
numbersFromQuery(SessionPageQuery, 'limit', 'offset');
describeFields(SessionPageQuery, {
  limit: { default: PAGE_DEFAULT_LIMIT, description: 'Page size' },
  offset: { default: 0, description: 'How many to skip' },
});

export class SessionIdParams {
  @IsUUID()
  id: string;
}

export class StaffIdParams {
  @IsUUID()
  id: string;
}
