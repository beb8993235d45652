import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ADMIN_SCOPES, DOCUMENT_TEXT_RULE, Role, STAFF_ROLES, type AdminScope, type StaffRole } from '#lib/domain';
import {
  IsDocumentText,
  IsFamilyCardNumber,
  IsNik,
  IsNotBlank,
  IsNotCommonPassword,
  IsPastDate,
  IsRegionCode,
} from '#lib/validation';
import { Principal } from './principal.js';

export const PASSWORD_MIN_LENGTH = 10;
/** A session's device description (libs/domain `describeDevice`). */
export const SESSION_DEVICE_MAX_LENGTH = 60;
export const PASSWORD_MAX_LENGTH = 200;
/** Staff usernames: never all digits, so they cannot be mistaken for a resident's NIK at login. */
export const STAFF_USERNAME_PATTERN = /^(?=.*[a-z])[a-z0-9._-]{3,64}$/;

/** `identity.account.register` (API.md `POST /auth/register`). */
export class RegisterAccountRequest {
  @IsNik()
  nik: string;

  @IsFamilyCardNumber()
  familyCardNumber: string;

  @IsPastDate()
  birthDate: string;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  @IsNotCommonPassword()
  password: string;

  /** The client's address as the gateway saw it: wrong guesses are throttled per address too. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  clientAddress?: string;
}

export interface RegisterAccountReply {
  id: string;
  nik: string;
}

/** `identity.account.login` (API.md `POST /auth/login`): residents by NIK, staff by username. */
export class LoginRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  /** The client's address as the gateway saw it: failures are throttled per address too. */
  @IsString()
  @MaxLength(100)
  clientAddress: string;

  /** The device as the gateway described it from the User-Agent ("Chrome di Android"), for `GET /me/sessions`. */
  @IsOptional()
  @IsString()
  @MaxLength(SESSION_DEVICE_MAX_LENGTH)
  device?: string;
}

/** `identity.account.get` (API.md `GET /me`). */
export class GetAccountRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;
}

export interface AccountView {
  id: string;
  role: Role;
  nik?: string;
  username?: string;
  regencyCode?: string;
  /** Staff: the name and NIP printed under what they sign. */
  fullName?: string;
  nip?: string;
  /** ADMIN: DEPLOYMENT-wide or bound to its REGENCY. */
  adminScope?: AdminScope;
  /** Staff: the NIK of the person behind the account, when recorded. */
  staffNik?: string;
  /** Staff: whether the second factor is on. */
  mfaEnabled?: boolean;
}

/** `identity.staff.create` (API.md `POST /admin/staff`). */
export class CreateStaffRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsString()
  @Matches(STAFF_USERNAME_PATTERN, {
    message: 'nama pengguna 3–64 karakter huruf kecil a–z, angka 0–9, ".", "_" atau "-", dengan sedikitnya satu huruf',
  })
  username: string;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  @IsNotCommonPassword()
  password: string;

  /** Printed under what an official signs: the document-text rule of the registry's names. */
  @IsString()
  @IsNotBlank({ message: 'nama lengkap wajib diisi' })
  @MaxLength(100)
  @IsDocumentText({ message: `nama lengkap ${DOCUMENT_TEXT_RULE}` })
  fullName: string;

  @Matches(/^\d{18}$/, { message: 'NIP harus tepat 18 digit angka' })
  nip: string;

  @IsIn(STAFF_ROLES)
  role: StaffRole;

  @IsRegionCode('regency')
  regencyCode: string;

  /**
   * ADMIN accounts only: `DEPLOYMENT` makes an ADMIN that acts in every regency; only a
   * deployment-wide ADMIN may create one. Absent (or `REGENCY`): bound to `regencyCode`.
   */
  @IsOptional()
  @IsIn(ADMIN_SCOPES)
  scope?: AdminScope;

  /** The NIK of the person who will use the account (optional, one staff account per NIK). */
  @IsOptional()
  @IsNik()
  nik?: string;
}

export interface CreateStaffReply {
  id: string;
}
