import type { Type } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger';
import { createRequire } from 'node:module';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { patternMaxLength } from './schema-limits.js';

/** What a converter reads of class-validator's metadata of one decorator on one property. */
interface ValidationMetadata {
  target: unknown;
  propertyName: string;
  constraints?: unknown[];
  constraintCls?: unknown;
}

/** class-transformer's own registry of `@Type(() => X)`, which its package does not export by name. */
interface TypeMetadataStorage {
  findTypeMetadata(target: Type<unknown>, propertyName: string): { typeFunction(): unknown } | undefined;
}
const { defaultMetadataStorage } = createRequire(import.meta.url)('class-transformer/cjs/storage.js') as {
  defaultMetadataStorage: TypeMetadataStorage;
};

/**
 * JSON Schema of the classes the gateway and the services validate with (libs/contracts, and
 * the gateway DTOs derived from them), read from their class-validator metadata: the OpenAPI
 * document states the very rules the ValidationPipe applies, so it cannot promise less or more.
 *
 * class-validator-jsonschema converts the built-in decorators; the project's own
 * (libs/validation) are converted here. A custom decorator without a converter throws, so a new
 * one cannot silently appear as `{}` in the document.
 */

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

const NIK_PATTERN = '^[0-9]{16}$';

/** What each project decorator (by its class-validator name) promises about the value. */
const CUSTOM_CONVERTERS: Record<string, (meta: ValidationMetadata) => SchemaObject> = {
  isNik: () => ({
    type: 'string',
    pattern: NIK_PATTERN,
    minLength: 16,
    maxLength: 16,
    description: 'NIK: 16 ASCII digits (never trimmed or stripped of separators), a known region and a real date',
    example: '1602054101900001',
  }),
  isFamilyCardNumber: () => ({
    type: 'string',
    pattern: NIK_PATTERN,
    minLength: 16,
    maxLength: 16,
    description: 'No. KK: 16 ASCII digits, a known region and a real issue date',
    example: '1602050101150001',
  }),
  isBirthCertificateNumber: () => ({
    type: 'string',
    pattern: '^[0-9]{4}-L[UT]-[0-9]{8}-[0-9]{4}$',
    maxLength: 22,
  }),
  isApplicationNumber: () => ({ type: 'string', pattern: '^[0-9]{4}-[0-9]{8}-[0-9]{5}$', maxLength: 19 }),
  isPastDate: () => ({ type: 'string', format: 'date', maxLength: 10, description: 'YYYY-MM-DD, not in the future' }),
  isCalendarDate: () => ({ type: 'string', format: 'date', maxLength: 10, description: 'YYYY-MM-DD, a real date' }),
  isRegionCode: (meta) => regionCode(String(meta.constraints?.[0])),
  isDocumentText: () => ({
    type: 'string',
    pattern: "^[\\p{L}\\p{M}\\p{N} .,\\-/'()#:]*$",
    description:
      'Text that reaches a document: letters (any script, with accents), digits, spaces and `. , - / \' ( ) # :` only; `<`, `>`, `"`, `;`, `{`, control characters are 400',
  }),
  // No description: it would replace the one of the field's text rule (the last converter wins).
  isNotBlank: () => ({ type: 'string', minLength: 1, pattern: '\\S' }),
  isReadableText: (meta) => ({
    type: 'string',
    description:
      'Text a person reads on a screen: any visible character, but no control character' +
      (meta.constraints?.[0] === true ? ' other than a line break or tab' : '') +
      ', no invisible or format character (bidirectional overrides and isolates, zero-width characters, soft hyphen), ' +
      'no line or paragraph separator, private-use or unassigned code point, no lone surrogate; 400 otherwise',
  }),
  isNotCommonPassword: () => ({
    type: 'string',
    description:
      'Not one of the 10,000 most common passwords (SecLists) nor a common Indonesian one (bismillah, sayang, ' +
      'indonesia, katasandi...), compared case-insensitively and with digits, symbols, separators and look-alike ' +
      'characters (p@ssw0rd) undone; nor built from the person’s own NIK, No. KK, NIP, birth date, name or ' +
      'username (checked by identity). 400 with a field error otherwise (added rule, issue #13 follow-up)',
  }),
  isOneOfLabels: (meta) => ({
    type: 'string',
    maxLength: 100,
    description: `One of the official labels (${String(meta.constraints?.[0])}), matched ignoring case`,
  }),
};

const REGION_PATTERNS: Record<string, { pattern: string; maxLength: number; example: string }> = {
  province: { pattern: '^[0-9]{2}$', maxLength: 2, example: '16' },
  regency: { pattern: '^[0-9]{2}\\.[0-9]{2}$', maxLength: 5, example: '16.02' },
  district: { pattern: '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}$', maxLength: 8, example: '16.02.05' },
  village: { pattern: '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$', maxLength: 13, example: '16.02.05.1002' },
};

function regionCode(level: string): SchemaObject {
  const shape = REGION_PATTERNS[level];
  if (shape === undefined) throw new Error(`No OpenAPI shape for region level ${level}`);
  return { type: 'string', ...shape, description: `A known ${level} code of idn-area-data, dotted` };
}

function customConverter(meta: ValidationMetadata): SchemaObject {
  const name = constraintName(meta);
  const convert = name === undefined ? undefined : CUSTOM_CONVERTERS[name];
  if (convert === undefined) {
    throw new Error(
      `No OpenAPI converter for the validation decorator "${name ?? '?'}" on ` +
        `${(meta.target as { name?: string }).name ?? '?'}.${meta.propertyName}: add one in class-schemas.ts`,
    );
  }
  return convert(meta);
}

function constraintName(meta: ValidationMetadata): string | undefined {
  if (meta.constraintCls === undefined) return undefined;
  return getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls as never)[0]?.name;
}

/** What words a class's fields get in the document beyond their rules. */
export interface FieldNotes {
  description?: string;
  default?: unknown;
  example?: unknown;
}

const FIELD_NOTES = new WeakMap<object, Record<string, FieldNotes>>();

/** Notes for the fields of a class (gateway DTOs: apps/gateway/src/http/derived-dto.ts). */
export function describeFields(cls: Type<unknown>, notes: Record<string, FieldNotes>): void {
  FIELD_NOTES.set(cls, { ...FIELD_NOTES.get(cls), ...notes });
}

/** The notes of a class and of the classes it extends, the nearest first. */
function notesOf(cls: Type<unknown>): Record<string, FieldNotes> {
  const chain: Array<Record<string, FieldNotes>> = [];
  for (let current: unknown = cls; typeof current === 'function'; current = Object.getPrototypeOf(current)) {
    const notes = FIELD_NOTES.get(current);
    if (notes !== undefined) chain.unshift(notes);
  }
  return Object.assign({}, ...chain) as Record<string, FieldNotes>;
}

/** Collects the schemas of the classes an operation names, and of the classes they nest. */
export class ClassSchemas {
  private readonly schemas = new Map<string, SchemaObject>();
  private readonly classes = new Map<string, Type<unknown>>();

  /** A `$ref` to the class's schema, generated (with its nested classes) on first use. */
  ref(cls: Type<unknown>, name = cls.name): SchemaObject {
    this.add(cls, name);
    return { $ref: `${SCHEMA_REF_PREFIX}${name}` } as SchemaObject;
  }

  /** The class's schema itself (for parameters, which are listed one by one). */
  inline(cls: Type<unknown>): SchemaObject {
    return this.convert(cls);
  }

  components(): Record<string, SchemaObject> {
    return Object.fromEntries([...this.schemas.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  private add(cls: Type<unknown>, name: string): void {
    const known = this.classes.get(name);
    if (known !== undefined) {
      if (known !== cls) throw new Error(`Two classes are named ${name} in the OpenAPI document`);
      return;
    }
    this.classes.set(name, cls);
    this.schemas.set(name, this.convert(cls));
  }

  private convert(cls: Type<unknown>): SchemaObject {
    const schema = targetConstructorToSchema(cls, {
      refPointerPrefix: SCHEMA_REF_PREFIX,
      classTransformerMetadataStorage: defaultMetadataStorage as never,
      additionalConverters: {
        [ValidationTypes.CUSTOM_VALIDATION]: customConverter,
        ...Object.fromEntries(Object.keys(CUSTOM_CONVERTERS).map((name) => [name, customConverter])),
        [ValidationTypes.NESTED_VALIDATION]: (meta: ValidationMetadata) => {
          const nested = this.nestedClass(meta);
          return this.ref(nested);
        },
      } as never,
    }) as SchemaObject;
    const tidied = tidy(schema) as SchemaObject;
    const properties = { ...tidied.properties } as Record<string, SchemaObject>;
    for (const [field, notes] of Object.entries(notesOf(cls))) {
      if (properties[field] !== undefined) properties[field] = { ...properties[field], ...notes };
    }
    return { ...tidied, properties, additionalProperties: false };
  }

  private nestedClass(meta: ValidationMetadata): Type<unknown> {
    const target = meta.target as Type<unknown>;
    const typed = defaultMetadataStorage.findTypeMetadata(target, meta.propertyName);
    const nested = (typed?.typeFunction() ??
      Reflect.getMetadata('design:type', target.prototype as object, meta.propertyName)) as Type<unknown> | undefined;
    if (nested === undefined || nested === Object || nested === Array) {
      throw new Error(`Nested ${target.name}.${meta.propertyName} needs @Type(() => Class) for its OpenAPI schema`);
    }
    return nested;
  }
}

/** Every class the document names, converted once (the route decorators and the views add to it). */
export const documentedClasses = new ClassSchemas();

/** The longest value of each string format. */
const FORMAT_LENGTHS: Record<string, number> = { uuid: 36, date: 10, 'date-time': 30 };

/**
 * A `$ref` stands alone (OpenAPI 3.0 ignores its siblings), and a string limited only by its
 * pattern states the length that pattern allows.
 */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (typeof value !== 'object' || value === null) return value;
  const schema = value as Record<string, unknown>;
  if (typeof schema['$ref'] === 'string') return { $ref: schema['$ref'] };
  const tidied = Object.fromEntries(Object.entries(schema).map(([key, inner]) => [key, tidy(inner)]));
  if (tidied['type'] === 'string' && tidied['maxLength'] === undefined) {
    const format = typeof tidied['format'] === 'string' ? FORMAT_LENGTHS[tidied['format']] : undefined;
    const maxLength = typeof tidied['pattern'] === 'string' ? patternMaxLength(tidied['pattern']) : format;
    if (maxLength !== undefined) tidied['maxLength'] = maxLength;
  }
  if (tidied['type'] === 'integer' && tidied['format'] === undefined) {
    const maximum = typeof tidied['maximum'] === 'number' ? tidied['maximum'] : Number.MAX_SAFE_INTEGER;
    tidied['format'] = maximum <= 2 ** 31 - 1 ? 'int32' : 'int64';
    // JSON numbers are exact integers up to 2^53 - 1: beyond, no client can send one.
    tidied['maximum'] = maximum;
  }
  return tidied;
}
