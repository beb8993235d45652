import { ADMIN_SCOPES, Role, type AdminScope } from '#lib/domain';
import { IsNik, IsRegionCode } from '#lib/validation';
import { Equals, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';

/**
 * Who is calling, as the gateway established it from a verified access token. Services trust
 * the gateway for identity and apply the region and family rules themselves.
 */
export class Principal {
  @IsUUID()
  accountId: string;

  @IsIn(Object.values(Role))
  role: Role;

  /** Staff: their regency. Residents: the regency of their family's domicile, when known. */
  @IsOptional()
  @IsRegionCode('regency')
  regencyCode?: string;

  /** Residents only. */
  @IsOptional()
  @IsNik()
  nik?: string;

  /** Staff only. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  username?: string;

  /** ADMIN only: DEPLOYMENT-wide, or (absent or REGENCY) bound to `regencyCode`. */
  @IsOptional()
  @IsIn(ADMIN_SCOPES)
  adminScope?: AdminScope;

  /** Staff: their NIP, so four-eyes can compare people, not accounts. */
  @IsOptional()
  @Matches(/^\d{18}$/)
  nip?: string;

  /**
   * Staff: the NIK of the person behind the account, when recorded; keeps them off their own
   * family's applications. Never `nik`, which names a resident (and what they own).
   */
  @IsOptional()
  @IsNik()
  staffNik?: string;

  /** The session the access token belongs to (`sid`); agencies have none. */
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  /** When the token was issued (`iat`, seconds since the epoch). */
  @IsOptional()
  @IsInt()
  @Min(0)
  issuedAt?: number;

  /** The account must set a new password before anything else (after a reset): `pwdChange`. */
  @IsOptional()
  @Equals(true)
  passwordChangeRequired?: true;

  /** The account's role needs a second factor it has not enrolled yet: `mfaEnrol`. */
  @IsOptional()
  @Equals(true)
  mfaEnrolmentRequired?: true;
}

/** What every message sent on behalf of a logged-in caller carries. */
export interface OnBehalfOf {
  principal: Principal;
}
