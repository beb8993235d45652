import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank, IsReadableText } from '#lib/validation';
import { Principal } from './principal.js';
import { PagedListRequest } from './registry.messages.js';
import { VERIFICATION_FIELDS, type VerificationField } from './verification.messages.js';

/**
 * The largest per-minute quota an agreement may grant. Quotas count NIK checks (a batch of
 * 1,000 uses 1,000), and Dukcapil's largest partners are granted millions a day per province.
 */
export const AGENCY_MAX_REQUESTS_PER_MINUTE = 100_000_000;

/** `identity.agency.create` (API.md `POST /admin/agencies`): ADMIN only. */
export class CreateAgencyRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  /** A resident reads it in the access log of their NIK: no hidden characters (docs/security.md). */
  @IsString()
  @IsNotBlank({ message: 'nama instansi wajib diisi' })
  @MaxLength(200)
  @IsReadableText()
  name: string;

  /** The request fields the agreement (hak akses) lets the agency compare. */
  @IsArray()
  @ArrayMaxSize(VERIFICATION_FIELDS.length)
  @ArrayUnique()
  @IsIn(VERIFICATION_FIELDS, { each: true })
  allowedFields: VerificationField[];

  @IsInt()
  @Min(1)
  @Max(AGENCY_MAX_REQUESTS_PER_MINUTE)
  requestsPerMinute: number;
}

/** The client secret appears here once and is never stored or shown again (only its hash is kept). */
export interface CreateAgencyReply {
  id: string;
  clientId: string;
  clientSecret: string;
}

/** `identity.agency.suspend` / `identity.agency.resume` (API.md `POST /admin/agencies/{id}/suspend|resume`). */
export class ChangeAgencyStatusRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsUUID()
  agencyId: string;
}

/** An agency as an ADMIN sees it (never its secret or the secret's hash). */
export interface AgencyView {
  id: string;
  name: string;
  clientId: string;
  allowedFields: VerificationField[];
  requestsPerMinute: number;
  suspended: boolean;
  suspendedAt?: string;
  createdAt: string;
}

/** `identity.agency.list` (API.md `GET /admin/agencies`): deployment-wide ADMIN only. */
export class ListAgenciesRequest extends PagedListRequest {}

/** An agency in the ADMIN's list, with its use today. */
export interface AgencyUsageView extends AgencyView {
  /**
   * NIK checks counted for it since local midnight in the deployment's time zone (that of
   * ADMIN_REGENCY_CODE, e.g. WIB): a batch of 1,000 counts 1,000, refused checks are not counted.
   */
  checksToday: number;
}

export const CLIENT_CREDENTIALS_GRANT = 'client_credentials';

/**
 * `identity.agency.token` (API.md `POST /auth/token`): the OAuth 2.0 client-credentials grant
 * (RFC 6749 §4.4), field names as the RFC writes them.
 */
export class IssueAgencyTokenRequest {
  @IsIn([CLIENT_CREDENTIALS_GRANT], { message: 'grant_type must be "client_credentials"' })
  grant_type: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  client_id: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  client_secret: string;

  /** Accepted as OAuth 2.0 clients send it; an agency's reach is its agreement, not a scope. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  scope?: string;
}

export interface AgencyTokenReply {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}
