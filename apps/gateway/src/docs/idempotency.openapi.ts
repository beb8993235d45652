import { ApiHeader } from '@nestjs/swagger';

/**
 * The `Idempotency-Key` header of the operations API.md lets clients retry safely
 * (`POST /applications`, the application actions, attachments, `/verifications/batch`). The
 * mechanism belongs to the reliability work; this is the one place the document states it.
 */
export const ApiIdempotencyKey = (): MethodDecorator & ClassDecorator =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'A retry with the same key, caller and body returns the first outcome (same status and body) without ' +
      'acting again; the same key with a different body is 422. Keys are kept at least 24 hours.',
    schema: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      pattern: '^[\\x21-\\x7E]{1,255}$',
      example: '5f1c2d3e-retry-1',
    },
  });
