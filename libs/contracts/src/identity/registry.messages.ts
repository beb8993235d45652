import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsFamilyCardNumber, IsNik } from '#lib/validation';
import { Principal } from './principal.js';

/** `identity.resident.read` (API.md `GET /residents/{nik}`): staff of the person's regency. */
export class ReadResidentRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsNik()
  nik: string;
}

/** `identity.family.read` (API.md `GET /families/{familyCardNumber}`): staff of its regency or a member. */
export class ReadFamilyRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsFamilyCardNumber()
  familyCardNumber: string;
}

/** `identity.family.read-own` (API.md `GET /me/family`). */
export class ReadOwnFamilyRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;
}

export const PAGE_DEFAULT_LIMIT = 20;
export const PAGE_MAX_LIMIT = 100;
/**
 * The furthest a list can be paged: beyond any list a person reads page by page, and inside
 * what PostgreSQL takes as an OFFSET (`?offset=1e308` passed @IsInt and reached the database: a
 * 500).
 */
export const PAGE_MAX_OFFSET = 1_000_000;

/** A page of a list the caller (`principal`) may read: `limit` (at most PAGE_MAX_LIMIT) and `offset`. */
export class PagedListRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX_LIMIT)
  limit?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PAGE_MAX_OFFSET)
  offset?: number;
}

/** `identity.access-log.list` (API.md `GET /me/access-log`), newest first. */
export class ListAccessLogRequest extends PagedListRequest {}

/** `identity.persons.get`: people by NIK for another service; unknown NIKs are left out. */
export class GetPersonsRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsNik({}, { each: true })
  niks: string[];
}

/** `identity.family.get`: a family with its current members, for another service. */
export class GetFamilyRequest {
  @IsFamilyCardNumber()
  familyCardNumber: string;

  /** The members at this moment (ISO 8601) instead of now: a past KK print, reproduced. */
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

/** `identity.family.find-by-member`: the current family of a person, for another service. */
export class FindFamilyByMemberRequest {
  @IsNik()
  nik: string;
}

/** The reads of another service that `identity.access-log.record-staff-read` logs. */
export const STAFF_READ_ENDPOINTS = [
  'GET /applications/{id}',
  'GET /applications/{id}/attachments/{attachmentId}',
  'GET /documents/{id}',
  'GET /documents/{id}/pdf',
] as const;
export type StaffReadEndpoint = (typeof STAFF_READ_ENDPOINTS)[number];

/**
 * `identity.access-log.record-staff-read`: applications or documents report that the staff
 * member of the forwarded access token (the principal is the token's, never the body's) read
 * these people's data; identity appends them to the hash-chained access log before the read is
 * answered. Only those two services may send it (NATS permissions, and the caller's signature).
 */
export class RecordStaffReadRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsNik({}, { each: true })
  subjectNiks: string[];

  @IsIn(STAFF_READ_ENDPOINTS)
  endpoint: StaffReadEndpoint;
}

export interface RecordStaffReadReply {
  recorded: number;
}
