import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank, IsReadableText } from '#lib/validation';
import { ApplicationStatus, ApplicationType } from '#lib/domain';
import { Principal } from '../identity/principal.js';
import { PAGE_MAX_OFFSET } from '../identity/registry.messages.js';
import {
  APPLICATION_INPUT_DISCRIMINATOR,
  type ApplicationInput,
} from '../application-types/application-types.registry.js';

export const REASON_MAX_LENGTH = 1000;
export const APPLICATIONS_PAGE_DEFAULT_LIMIT = 20;
export const APPLICATIONS_PAGE_MAX_LIMIT = 100;

/** `applications.application.submit` (API.md `POST /applications`). */
export class SubmitApplicationRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsObject()
  @ValidateNested()
  @Type(() => Object, { discriminator: APPLICATION_INPUT_DISCRIMINATOR, keepDiscriminatorProperty: true })
  input: ApplicationInput;
}

/** `applications.application.resubmit` (API.md `PUT /applications/{id}`). */
export class ResubmitApplicationRequest extends SubmitApplicationRequest {
  @IsUUID()
  applicationId: string;
}

/** Cancel and approve: an action with nothing more to say. */
export class ApplicationActionRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsUUID()
  applicationId: string;
}

/** `applications.application.verify`: the clerk may leave a note for the official. */
export class VerifyApplicationRequest extends ApplicationActionRequest {
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  @IsReadableText({ multiline: true })
  note?: string;

  /** Extra: a message the applicant reads in the history (the note is for the official only). */
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  @IsReadableText({ multiline: true })
  message?: string;
}

/** Return and reject: the resident is told why. */
export class ReasonedActionRequest extends ApplicationActionRequest {
  @IsString()
  @IsNotBlank({ message: 'alasan wajib diisi' })
  @MaxLength(REASON_MAX_LENGTH)
  @IsReadableText({ multiline: true })
  reason: string;
}

/** `applications.application.get`. */
export class GetApplicationRequest extends ApplicationActionRequest {}

/** `applications.application.list`: residents their own, staff the queue of their regency. */
export class ListApplicationsRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsOptional()
  @IsIn(Object.values(ApplicationStatus))
  status?: ApplicationStatus;

  @IsOptional()
  @IsIn(Object.values(ApplicationType))
  type?: ApplicationType;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(APPLICATIONS_PAGE_MAX_LIMIT)
  limit?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PAGE_MAX_OFFSET)
  offset?: number;

  /** Extra: the start of an application number, or a part of the applicant's name. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
