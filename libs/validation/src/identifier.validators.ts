import {
  isValidNik,
  tryParseApplicationNumber,
  tryParseBirthCertificateNumber,
  tryParseFamilyCardNumber,
  tryParseNik,
} from '#lib/domain';
import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * Identifier decorators judge input exactly as the domain parsers do (API.md: a NIK is 16 ASCII
 * digits, never trimmed or stripped of separators), and explain a refusal with the parser's
 * message, which never repeats the identifier itself.
 */

type TryParse = (value: unknown) => { ok: true } | { ok: false; message: string };

function firstFailure(value: unknown, tryParse: TryParse): string | undefined {
  // With `{ each: true }` class-validator hands the message builder the whole array.
  for (const item of Array.isArray(value) ? value : [value]) {
    const result = tryParse(item);
    if (!result.ok) return result.message;
  }
  return undefined;
}

function identifierDecorator(
  name: string,
  tryParse: TryParse,
  fallback: string,
  options?: ValidationOptions,
  isValid: (value: unknown) => boolean = (value) => tryParse(value).ok,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: isValid,
        defaultMessage: (args?: ValidationArguments) => firstFailure(args?.value, tryParse) ?? fallback,
      },
    },
    options,
  );
}

export interface IsNikOptions {
  /**
   * Refuse a district code that is not current. Off for API input (an old NIK of a region split
   * since stays valid, DOMAIN.md); on where a NIK is issued.
   */
  requireKnownDistrict?: boolean;
}

/** A valid NIK: 16 ASCII digits, known province and regency, real birth date, serial not 0000. */
export function IsNik(nikOptions: IsNikOptions = {}, options?: ValidationOptions): PropertyDecorator {
  const parseOptions = { requireKnownDistrict: nikOptions.requireKnownDistrict === true };
  return identifierDecorator(
    'isNik',
    (value) => tryParseNik(value, parseOptions),
    'harus NIK yang sah',
    options,
    (value) => isValidNik(value, parseOptions),
  );
}

/** A valid No. KK: 16 ASCII digits, known province and regency, real issue date, serial not 0000. */
export function IsFamilyCardNumber(options?: ValidationOptions): PropertyDecorator {
  return identifierDecorator(
    'isFamilyCardNumber',
    (value) => tryParseFamilyCardNumber(value),
    'harus No. KK yang sah',
    options,
  );
}

/** A valid birth certificate number, `RRRR-LU-DDMMYYYY-NNNN` or `RRRR-LT-...`. */
export function IsBirthCertificateNumber(options?: ValidationOptions): PropertyDecorator {
  return identifierDecorator(
    'isBirthCertificateNumber',
    (value) => tryParseBirthCertificateNumber(value),
    'harus nomor akta kelahiran yang sah',
    options,
  );
}

/** A valid application number, `RRRR-YYYYMMDD-NNNNN`. */
export function IsApplicationNumber(options?: ValidationOptions): PropertyDecorator {
  return identifierDecorator(
    'isApplicationNumber',
    (value) => tryParseApplicationNumber(value),
    'harus nomor permohonan yang sah',
    options,
  );
}
