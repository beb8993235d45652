import { DomainError, type FieldError } from '#lib/domain';
import type { ValidationPipeOptions } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

const INDEX = /^\d+$/;

function collect(errors: readonly ValidationError[], parentPath: string, into: FieldError[]): void {
  for (const error of errors) {
    const path =
      parentPath === ''
        ? error.property
        : INDEX.test(error.property)
          ? `${parentPath}[${error.property}]`
          : `${parentPath}.${error.property}`;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) into.push({ field: path, message: messages.join('; ') });
    collect(error.children ?? [], path, into);
  }
}

/**
 * class-validator's error tree as the flat `errors` list of a problem response: one entry per
 * invalid field, nested paths written `child.birthDate` and `members[0].nik`.
 */
export function validationErrorsToFieldErrors(errors: readonly ValidationError[]): FieldError[] {
  const fields: FieldError[] = [];
  collect(errors, '', fields);
  return fields;
}

/** The `VALIDATION.FAILED` error for a list of class-validator errors. */
export function validationFailed(errors: readonly ValidationError[]): DomainError {
  return new DomainError('VALIDATION.FAILED', 'The request has invalid fields', {
    errors: validationErrorsToFieldErrors(errors),
  });
}

/**
 * The one ValidationPipe configuration of the gateway and of every service receiving NATS
 * messages (STYLE.md rule 2): unknown fields are refused rather than dropped silently, input is
 * turned into the DTO class (so label transforms apply), and every invalid field is reported at
 * once as a `VALIDATION.FAILED` DomainError, which the problem filter maps to 400. The pipe
 * throws what the factory returns. Rejected values are left out of the error tree: they may be
 * NIKs, which must not reach logs.
 */
export const validationPipeOptions: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors: ValidationError[]) => validationFailed(errors),
};
