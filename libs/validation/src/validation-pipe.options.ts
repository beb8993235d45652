import { DomainError, type FieldError } from '#lib/domain';
import type { ValidationPipeOptions } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

const INDEX = /^\d+$/;

/**
 * class-validator's built-in messages are English and start with the property name
 * (`fullName must be a string`). People read them in Bahasa Indonesia, after the field path the
 * page already shows, so each is rewritten here, keyed by the constraint name. A message counts
 * as class-validator's own only when it has the default wording for that name: a message given
 * in a decorator (`{ message: ... }`) is kept as written, and so is anything unknown. Parameters
 * (`$constraint1`) are read back from the English text, since ValidationError keeps no
 * constraint values.
 */
type Translate = (parameter: string) => string;

const DEFAULT_MESSAGES: Readonly<Record<string, readonly (readonly [english: string, indonesian: Translate])[]>> = {
  isString: [['$property must be a string', () => 'harus berupa teks']],
  isNotEmpty: [['$property should not be empty', () => 'wajib diisi']],
  isDefined: [['$property should not be null or undefined', () => 'wajib diisi']],
  isEmpty: [['$property must be empty', () => 'harus dikosongkan']],
  isIn: [
    ['$property must be one of the following values: $constraint1', (values) => `harus salah satu dari: ${values}`],
  ],
  isNotIn: [
    [
      '$property should not be one of the following values: $constraint1',
      (values) => `tidak boleh salah satu dari: ${values}`,
    ],
  ],
  isEnum: [
    ['$property must be one of the following values: $constraint2', (values) => `harus salah satu dari: ${values}`],
  ],
  equals: [['$property must be equal to $constraint1', (value) => `harus bernilai ${value}`]],
  notEquals: [['$property should not be equal to $constraint1', (value) => `tidak boleh bernilai ${value}`]],
  isInt: [['$property must be an integer number', () => 'harus berupa bilangan bulat']],
  isNumber: [['$property must be a number conforming to the specified constraints', () => 'harus berupa angka']],
  isNumberString: [['$property must be a number string', () => 'harus berupa angka']],
  isPositive: [['$property must be a positive number', () => 'harus berupa angka lebih dari 0']],
  isNegative: [['$property must be a negative number', () => 'harus berupa angka kurang dari 0']],
  min: [['$property must not be less than $constraint1', (min) => `tidak boleh kurang dari ${min}`]],
  max: [['$property must not be greater than $constraint1', (max) => `tidak boleh lebih dari ${max}`]],
  minLength: [
    ['$property must be longer than or equal to $constraint1 characters', (min) => `paling sedikit ${min} karakter`],
  ],
  maxLength: [
    ['$property must be shorter than or equal to $constraint1 characters', (max) => `paling banyak ${max} karakter`],
  ],
  isLength: [
    ['$property must be longer than or equal to $constraint1 characters', (min) => `paling sedikit ${min} karakter`],
    ['$property must be shorter than or equal to $constraint2 characters', (max) => `paling banyak ${max} karakter`],
  ],
  isUuid: [['$property must be a UUID', () => 'harus berupa UUID yang sah']],
  isDateString: [
    [
      '$property must be a valid ISO 8601 date string',
      () => 'harus tanggal yang sah dengan format ISO 8601 (YYYY-MM-DD)',
    ],
  ],
  isIso8601: [
    [
      '$property must be a valid ISO 8601 date string',
      () => 'harus tanggal yang sah dengan format ISO 8601 (YYYY-MM-DD)',
    ],
  ],
  isDate: [['$property must be a Date instance', () => 'harus berupa tanggal']],
  isBoolean: [['$property must be a boolean value', () => 'harus bernilai true atau false']],
  isArray: [['$property must be an array', () => 'harus berupa daftar (array)']],
  arrayNotEmpty: [['$property should not be empty', () => 'harus berisi paling sedikit 1 isian']],
  arrayMinSize: [
    ['$property must contain at least $constraint1 elements', (min) => `harus berisi paling sedikit ${min} isian`],
  ],
  arrayMaxSize: [
    [
      '$property must contain no more than $constraint1 elements',
      (max) => `tidak boleh berisi lebih dari ${max} isian`,
    ],
  ],
  arrayUnique: [
    ["All $property's elements must be unique", () => 'tidak boleh berisi isian yang sama lebih dari sekali'],
  ],
  isObject: [['$property must be an object', () => 'harus berupa objek']],
  nestedValidation: [
    ['nested property $property must be either object or array', () => 'harus berupa objek atau daftar'],
  ],
  matches: [
    ['$property must match $constraint1 regular expression', () => 'tidak sesuai dengan format yang ditentukan'],
  ],
  isEmail: [['$property must be an email', () => 'harus berupa alamat email yang sah']],
  isUrl: [['$property must be a URL address', () => 'harus berupa alamat URL yang sah']],
  whitelistValidation: [['property $property should not exist', () => 'tidak dikenal dan tidak boleh dikirim']],
  unknownValue: [
    ['an unknown value was passed to the validate function', () => 'data yang dikirim tidak dapat diperiksa'],
  ],
};

/** With `{ each: true }` class-validator puts this before the message. */
const EACH_PREFIX = 'each value in ';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The default English wording for `property` as a pattern; the parameter, if any, captured. */
function defaultPattern(english: string, property: string): RegExp {
  const parts = english.split(/(\$property|\$constraint\d)/);
  const body = parts
    .map((part) =>
      part === '$property' ? escapeRegExp(property) : part.startsWith('$constraint') ? '(.*)' : escapeRegExp(part),
    )
    .join('');
  return new RegExp(`^(${escapeRegExp(EACH_PREFIX)})?${body}$`, 's');
}

/** The Indonesian text of one constraint's message, or the message as given. */
export function translateConstraintMessage(constraint: string, message: string, property: string): string {
  // Own keys only: a constraint named `toString` is not a translation.
  const defaults = Object.hasOwn(DEFAULT_MESSAGES, constraint) ? DEFAULT_MESSAGES[constraint] : [];
  for (const [english, indonesian] of defaults) {
    const match = defaultPattern(english, property).exec(message);
    if (match === null) continue;
    const text = indonesian(match[2] ?? '');
    return match[1] === undefined ? text : `setiap isiannya ${text}`;
  }
  return message;
}

function collect(errors: readonly ValidationError[], parentPath: string, into: FieldError[]): void {
  for (const error of errors) {
    const path =
      parentPath === ''
        ? error.property
        : INDEX.test(error.property)
          ? `${parentPath}[${error.property}]`
          : `${parentPath}.${error.property}`;
    const messages = Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
      translateConstraintMessage(constraint, message, error.property),
    );
    if (messages.length > 0) into.push({ field: path, message: messages.join('; ') });
    collect(error.children ?? [], path, into);
  }
}

/**
 * class-validator's error tree as the flat `errors` list of a problem response: one entry per
 * invalid field, nested paths written `child.birthDate` and `members[0].nik`, messages in
 * Bahasa Indonesia.
 */
export function validationErrorsToFieldErrors(errors: readonly ValidationError[]): FieldError[] {
  const fields: FieldError[] = [];
  collect(errors, '', fields);
  return fields;
}

/** The `VALIDATION.FAILED` error for a list of class-validator errors. */
export function validationFailed(errors: readonly ValidationError[]): DomainError {
  return new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid', {
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
