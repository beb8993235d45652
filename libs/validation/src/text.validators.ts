import { DOCUMENT_TEXT_RULE, READABLE_TEXT_RULE, isDocumentText, isReadableText } from '#lib/domain';
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

/**
 * Text a person reads on a screen (an agency's name, a purpose, a reason): libs/domain's
 * `isReadableText` — no control or invisible characters (a bidirectional override, a zero-width
 * space); with `multiline`, line breaks and tabs are allowed.
 */
export function IsReadableText(
  textOptions: { multiline?: boolean } = {},
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isReadableText',
      constraints: [textOptions.multiline === true],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isReadableText(value, textOptions),
        defaultMessage: () => READABLE_TEXT_RULE,
      },
    },
    options,
  );
}
