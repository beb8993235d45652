import { ValidationPipe } from '@nestjs/common';
import { OmitType, PickType } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  APPLICATION_INPUT_CLASSES,
  APPLICATIONS_PAGE_DEFAULT_LIMIT,
  ListApplicationsRequest,
  ReasonedActionRequest,
  VerifyApplicationRequest,
  type ApplicationInput,
} from '#lib/contracts';
import { ApplicationType, DomainError } from '#lib/domain';
import { validationPipeOptions } from '#lib/validation';
import { describeFields, numbersFromQuery } from '../http/derived-dto.js';

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

/** `?status=&type=&q=&limit=&offset=`: the contract's ListApplicationsRequest without the caller. */
export class ListApplicationsQuery extends OmitType(ListApplicationsRequest, ['principal'] as const) {}
numbersFromQuery(ListApplicationsQuery, 'limit', 'offset');
describeFields(ListApplicationsQuery, {
  status: { description: 'Only applications in this status' },
  type: { description: 'Only applications of this type' },
  limit: { default: APPLICATIONS_PAGE_DEFAULT_LIMIT, description: 'Page size' },
  offset: { default: 0, description: 'How many to skip' },
  q: { description: "Staff search: the start of an application number, or a part of the applicant's name" },
});

/** Cancel and approve take no body (or `{}`); any field sent is refused, as everywhere. */
export function assertEmptyBody(body: unknown): void {
  if (body === undefined || body === null || body === '') return;
  const fields = typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : ['body'];
  if (fields.length === 0) return;
  throw new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid', {
    errors: fields.map((field) => ({ field, message: 'tidak dikenal dan tidak boleh dikirim' })),
  });
}

/** `POST /applications/{id}/verify`: the clerk's optional note (VerifyApplicationRequest). */
export class VerifyBody extends PickType(VerifyApplicationRequest, ['note', 'message'] as const) {}
describeFields(VerifyBody, {
  note: {
    description: 'A note for the official, kept in the history for staff only (never shown to the applicant)',
    example: 'Dokumen lengkap dan sesuai',
  },
  message: { description: 'A message to the applicant, shown in their history' },
});

/** Return and reject: the reason the resident is told (ReasonedActionRequest). */
export class ReasonBody extends PickType(ReasonedActionRequest, ['reason'] as const) {}
describeFields(ReasonBody, {
  reason: { description: 'What the resident is told', example: 'Nomor surat keterangan lahir tidak terbaca' },
});

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
