import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Sex, type PersonStatus } from '#lib/domain';
import { IsNik, IsNotBlank, IsPastDate, IsReadableText } from '#lib/validation';
import { Principal } from './principal.js';

/**
 * The fields an agency may ask to compare (API.md "Verification for agencies"); an agreement's
 * `allowedFields` is a subset of these names.
 */
export const VERIFICATION_FIELDS = ['fullName', 'birthDate', 'birthPlace', 'sex', 'motherName', 'address'] as const;
export type VerificationField = (typeof VERIFICATION_FIELDS)[number];

/** A batch holds at most this many checks (API.md). */
export const VERIFICATION_BATCH_MAX = 1000;

/**
 * One check: a NIK, why it is checked (shown to the person in `GET /me/access-log`), and the
 * values the agency holds for the fields it wants compared. An unknown district in the NIK is
 * not an error here: old NIKs of regions split since stay valid (DOMAIN.md).
 */
export class VerificationItem {
  @IsNik()
  nik: string;

  /** A resident reads it in the access log of their NIK: no hidden characters (docs/security.md). */
  @IsString()
  @IsNotBlank({ message: 'tujuan pemeriksaan wajib diisi' })
  @MaxLength(500)
  @IsReadableText()
  purpose: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @IsOptional()
  @IsPastDate()
  birthDate?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  birthPlace?: string;

  @IsOptional()
  @IsIn(Object.values(Sex))
  sex?: Sex;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  motherName?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  address?: string;
}

/** `identity.verification.verify` (API.md `POST /verifications`): the check and who asks. */
export class VerifyRequest extends VerificationItem {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;
}

/** `identity.verification.verify-batch` (API.md `POST /verifications/batch`). */
export class VerifyBatchRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(VERIFICATION_BATCH_MAX)
  @ValidateNested({ each: true })
  @Type(() => VerificationItem)
  items: VerificationItem[];
}

/** A compared field: `match`, and for names and places the similarity `score` in [0, 1]. */
export interface FieldMatch {
  match: boolean;
  score?: number;
}

/** The answer to one check: match results and the status, never a value of the record. */
export interface VerificationResult {
  requestId: string;
  nik: string;
  found: boolean;
  status?: PersonStatus;
  fields: Partial<Record<VerificationField, FieldMatch>>;
}

export interface VerifyBatchReply {
  results: VerificationResult[];
}

/** Checks in one `identity.verification.verify-many` message at most. */
export const VERIFY_MANY_MAX = 256;

/**
 * One `POST /verifications` inside a coalesced message: the HTTP body exactly as received (the
 * service validates it as a VerifyRequest, with the message's verified principal put in last) and
 * the correlation id of its own HTTP request (its access-log entry carries it).
 */
export class VerifyManyItem {
  @IsString()
  @MaxLength(100)
  correlationId: string;

  @IsObject()
  body: Record<string, unknown>;
}

/**
 * `identity.verification.verify-many`: concurrent single checks of ONE access token (the gateway
 * groups them by the token's text, so they share the principal the service verifies once). Not a
 * batch: each item is validated, admitted, counted and refused on its own, and answered with what
 * it alone would have got from `identity.verification.verify`.
 */
export class VerifyManyRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(VERIFY_MANY_MAX)
  @ValidateNested({ each: true })
  @Type(() => VerifyManyItem)
  items: VerifyManyItem[];
}

/**
 * The answer to one item, in the order of the items: its result, or the error payload (`err` of
 * Nest's reply packet: `{ code, message, errors?, details? }`) that single request would have got.
 */
export type VerifyManyOutcome =
  { response: VerificationResult; err?: undefined } | { err: unknown; response?: undefined };

export interface VerifyManyReply {
  outcomes: VerifyManyOutcome[];
}
