import { Role } from '#lib/domain';
import { IsNik, IsRegionCode } from '#lib/validation';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

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
}

/** What every message sent on behalf of a logged-in caller carries. */
export interface OnBehalfOf {
  principal: Principal;
}
