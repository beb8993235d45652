import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from '#lib/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A new password that is not on the lists of common passwords (libs/domain `isCommonPassword`:
 * SecLists' 10,000 and common Indonesian ones, disguised or not). Whether it is built from the
 * person's own NIK, name or birth date is checked where those are known (the identity service).
 */
export function IsNotCommonPassword(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotCommonPassword',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !isCommonPassword(value),
        defaultMessage: () => COMMON_PASSWORD_MESSAGE,
      },
    },
    options,
  );
}
