import { DOCUMENT_TEXT_RULE, READABLE_TEXT_RULE, isDocumentText, isReadableText } from '#lib/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A string with at least one character that is not white space: an empty value, or one of spaces
 * and line breaks only, is refused with one error (`message`, e.g. "alasan wajib diisi").
 */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && NOT_BLANK.test(value),
        defaultMessage: () => 'wajib diisi',
      },
    },
    options,
  );
}
const NOT_BLANK = /\S/;

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
