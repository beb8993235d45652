import type { ValidationError } from 'class-validator';
import { DomainError, type FieldError } from '#lib/domain';

/**
 * Flattens class-validator's tree into `[{ field, message }]` with paths such as
 * `child.birthDate` or `members[0].nik`, every invalid field listed once per reason.
 */
export function fieldErrorsOf(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent === '' ? error.property : /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    for (const message of Object.values(error.constraints ?? {})) result.push({ field, message });
    if (error.children && error.children.length > 0) result.push(...fieldErrorsOf(error.children, field));
  }
  return result;
}

export function validationFailed(errors: ValidationError[]): DomainError {
  const fieldErrors = fieldErrorsOf(errors);
  return new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid', { errors: fieldErrors });
}
