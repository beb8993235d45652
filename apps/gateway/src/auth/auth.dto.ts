import { OmitType } from '@nestjs/swagger';
import { CreateStaffRequest, LoginRequest, RegisterAccountRequest } from '#lib/contracts';

/** `POST /auth/register`: the message itself. */
export class RegisterBody extends RegisterAccountRequest {}

/** `POST /auth/login`: the client address is added by the gateway. */
export class LoginBody extends OmitType(LoginRequest, ['clientAddress'] as const) {}

/** `POST /admin/staff`: the caller is added by the gateway. */
export class CreateStaffBody extends OmitType(CreateStaffRequest, ['principal'] as const) {}
