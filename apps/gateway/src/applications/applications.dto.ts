import { ValidationPipe } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  APPLICATION_INPUT_CLASSES,
  APPLICATIONS_PAGE_MAX_LIMIT,
  REASON_MAX_LENGTH,
  type ApplicationInput,
} from '#lib/contracts';
import { ApplicationStatus, ApplicationType, DomainError } from '#lib/domain';
import { validationPipeOptions } from '#lib/validation';

export class ApplicationIdParams {
  @IsUUID()
  id: string;
}

export class AttachmentParams {
  @IsUUID()
  id: string;

  @IsUUID()
  attachmentId: string;
}

/** `?status=&type=&limit=&offset=` */
export class ListApplicationsQuery {
  @ApiPropertyOptional({ enum: Object.values(ApplicationStatus) })
  @IsOptional()
  @IsIn(Object.values(ApplicationStatus))
  status?: ApplicationStatus;

  @ApiPropertyOptional({ enum: Object.values(ApplicationType) })
  @IsOptional()
  @IsIn(Object.values(ApplicationType))
  type?: ApplicationType;

  @ApiPropertyOptional({ default: 20, maximum: APPLICATIONS_PAGE_MAX_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(APPLICATIONS_PAGE_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

/** Cancel and approve take no body (or `{}`); any field sent is refused, as everywhere. */
export function assertEmptyBody(body: unknown): void {
  if (body === undefined || body === null || body === '') return;
  const fields = typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : ['body'];
  if (fields.length === 0) return;
  throw new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid', {
    errors: fields.map((field) => ({ field, message: 'tidak dikenal dan tidak boleh dikirim' })),
  });
}

export class VerifyBody {
  @ApiPropertyOptional({ description: 'A note for the official, kept in the history' })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  note?: string;
}

export class ReasonBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(REASON_MAX_LENGTH)
  reason: string;
}

const pipe = new ValidationPipe(validationPipeOptions);
const TYPES = Object.keys(APPLICATION_INPUT_CLASSES);

/**
 * `{ type, ...details }`: the `type` picks the class the rest is validated against, with the one
 * pipe configuration (unknown fields 400, every invalid field listed).
 */
export async function parseApplicationBody(body: unknown): Promise<ApplicationInput> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid', {
      errors: [
        { field: 'type', message: `isi permintaan harus objek JSON dengan type, salah satu dari: ${TYPES.join(', ')}` },
      ],
    });
  }
  const type = (body as { type?: unknown }).type;
  if (typeof type !== 'string' || !TYPES.includes(type)) {
    throw new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid', {
      errors: [{ field: 'type', message: `harus salah satu dari: ${TYPES.join(', ')}` }],
    });
  }
  const metatype = APPLICATION_INPUT_CLASSES[type as ApplicationType];
  return (await pipe.transform(body, { type: 'body', metatype })) as ApplicationInput;
}
