import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_KEEP_HOURS } from '#lib/platform/core';
import { ApiProblems } from './api-docs.decorators.js';

const DESCRIPTION =
  'Safe retries (IETF httpapi Idempotency-Key draft): 1–255 visible ASCII characters chosen by the client, ' +
  'new for each action and the same when that action is sent again. A retry with the same key, caller and ' +
  'request gets the first outcome (same status and body) without acting again, also when the first answer ' +
  `was lost (a 503 or a dropped connection). Keys are kept at least ${IDEMPOTENCY_KEEP_HOURS} hours. ` +
  '400 IDEMPOTENCY.KEY_INVALID for a malformed key; 422 IDEMPOTENCY.KEY_REUSED for a key sent with another ' +
  'request; 409 IDEMPOTENCY.IN_PROGRESS while the first attempt is still being answered.';

/**
 * How the OpenAPI document states the `Idempotency-Key` header of the operations API.md lets
 * clients retry safely, and the errors it adds; `@IdempotentAction()` (http/idempotency.ts)
 * applies it with the mechanism.
 */
export const ApiIdempotencyKey = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: DESCRIPTION,
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        pattern: '^[\\x21-\\x7E]{1,255}$',
        example: '5f1c2d3e-retry-1',
      },
    }),
    ApiProblems('IDEMPOTENCY.KEY_INVALID', 'IDEMPOTENCY.KEY_REUSED', 'IDEMPOTENCY.IN_PROGRESS'),
  );
