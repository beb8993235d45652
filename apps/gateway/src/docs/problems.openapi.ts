import type { SchemaObject } from '@nestjs/swagger';
import { ErrorCodes, kindOf, type ErrorCode } from '#lib/domain';
import { PROBLEM_CONTENT_TYPE, STATUS_BY_KIND } from '../http/problem.js';
import { SCHEMA_REF_PREFIX } from './class-schemas.js';

/**
 * Error responses: RFC 9457 problem details (`application/problem+json`) with the stable `code`
 * (libs/domain/src/errors/error-codes.ts). Each operation lists the codes it can answer with
 * (`@ApiProblems`); the document builder adds the ones every operation of its kind can meet and
 * groups them by HTTP status, each status naming its codes in an `enum`.
 */

export const PROBLEM_SCHEMA = 'Problem';
export const ERROR_CODES_EXTENSION = 'x-error-codes';

const TEXT: SchemaObject = { type: 'string', maxLength: 2000 };

export const PROBLEM_COMPONENTS: Record<string, SchemaObject> = {
  [PROBLEM_SCHEMA]: {
    type: 'object',
    description:
      'RFC 9457 problem details. `code` is stable (never changes meaning); `errors` lists every invalid field ' +
      '(400) or broken rule (422). Some codes add members: `allowedActions` on 409 ' +
      '`APPLICATION.INVALID_TRANSITION`, `retryAfterSeconds` on 429, `service` on 503, `checks` and `down` on ' +
      'the health report.',
    required: ['type', 'title', 'status', 'detail', 'code', 'errors'],
    properties: {
      type: { type: 'string', format: 'uri', maxLength: 200, example: 'urn:disdukcapil:problem:validation.failed' },
      title: { ...TEXT, maxLength: 200, example: 'Permintaan tidak valid' },
      status: { type: 'integer', format: 'int32', minimum: 400, maximum: 599, example: 400 },
      detail: { ...TEXT, example: 'Data yang dikirim tidak valid' },
      code: { type: 'string', enum: Object.keys(ErrorCodes), example: 'VALIDATION.FAILED' },
      errors: {
        type: 'array',
        maxItems: 10000,
        items: { $ref: `${SCHEMA_REF_PREFIX}FieldError` },
      },
      correlationId: { type: 'string', maxLength: 200, pattern: '^[A-Za-z0-9._:-]+$' },
    },
  },
  FieldError: {
    type: 'object',
    required: ['field', 'message'],
    properties: {
      field: { type: 'string', maxLength: 500, example: 'motherNik' },
      message: { ...TEXT, example: 'harus NIK yang sah' },
    },
    additionalProperties: false,
  },
};

export const RETRY_AFTER_HEADER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 86400 },
  },
};

export function statusOf(code: ErrorCode): number {
  return STATUS_BY_KIND[kindOf(code)];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed or invalid input: every invalid field is listed in `errors`',
  401: 'No or bad credentials',
  403: 'Not allowed for this caller',
  404: 'Not found, or not yours (the answer never reveals which)',
  409: 'Conflicts with the current state',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Well-formed but against a domain rule (listed in `errors`)',
  429: 'Rate-limited: try again after `Retry-After` seconds',
  500: 'A bug (never caused by client input); the text reveals nothing',
  503: 'A service behind the gateway is unreachable',
};

/** The responses of one operation for these codes, one per status. */
export function problemResponses(codes: Iterable<ErrorCode>): Record<string, object> {
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const code of codes) {
    const status = statusOf(code);
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  const responses: Record<string, object> = {};
  for (const status of [...byStatus.keys()].sort()) {
    const statusCodes = [...(byStatus.get(status) ?? [])].sort();
    responses[String(status)] = {
      description: `${DESCRIPTIONS[status] ?? 'Error'}. Codes: ${statusCodes.join(', ')}`,
      ...(status === 429 ? { headers: RETRY_AFTER_HEADER } : {}),
      content: {
        [PROBLEM_CONTENT_TYPE]: {
          schema: {
            allOf: [
              { $ref: `${SCHEMA_REF_PREFIX}${PROBLEM_SCHEMA}` },
              {
                type: 'object',
                properties: {
                  status: { type: 'integer', format: 'int32', minimum: status, maximum: status },
                  code: { type: 'string', enum: statusCodes },
                },
              },
            ],
          },
          example: {
            type: `urn:disdukcapil:problem:${statusCodes[0].toLowerCase()}`,
            title: 'Permintaan tidak dapat diproses',
            status,
            detail: 'Penjelasan dalam Bahasa Indonesia',
            code: statusCodes[0],
            errors: [],
            correlationId: '7d4c1f0e-2b9a-4f7e-9a57-1c2d3e4f5a6b',
          },
        },
      },
    };
  }
  return responses;
}
