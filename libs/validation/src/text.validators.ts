import { DOCUMENT_TEXT_RULE, isDocumentText } from '#lib/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Text that reaches a document (an address, a place of birth or death): libs/domain's
 * `isDocumentText` — letters, digits, spaces and `. , - / ' ( ) # :` only.
 */
export function IsDocumentText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDocumentText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isDocumentText(value),
        defaultMessage: () => DOCUMENT_TEXT_RULE,
      },
    },
    options,
  );
}
