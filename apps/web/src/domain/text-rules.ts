// The API's rule for free text another person reads (an agency's name, a reason, a note: libs/domain
// readable-text), with its own words. The server checks again; this only saves a round trip and
// names the field as the person types.
import { isReadableText, READABLE_TEXT_RULE } from '../../../../libs/domain/src/text/readable-text.js';
import { checkRequired, type Check } from './required';

/**
 * `label` is how the form names the field ("Alasan"); a value of spaces only counts as empty.
 * `multiline` allows line breaks and tabs (a reason, a note); `required: false` lets it be empty.
 */
export function checkReadableText(
  value: string,
  label: string,
  options: { multiline?: boolean; required?: boolean } = {},
): Check {
  const required = checkRequired(value, label);
  if (required.error !== undefined) return options.required === false ? {} : required;
  return isReadableText(value, options) ? {} : { error: `${label} ${READABLE_TEXT_RULE}.` };
}
