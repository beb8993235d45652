import type { Type } from '@nestjs/common';
import { Type as TransformTo } from 'class-transformer';
import { describeFields as noteFields, type FieldNotes } from '../docs/class-schemas.js';

// Gateway DTOs derive from the contract classes (PickType/OmitType of @nestjs/swagger copy their
// validation and transformation rules), so a rule is written once, in libs/contracts. What the
// HTTP edge adds lives here: query strings read as numbers, and the words of the OpenAPI document
// (its types and limits come from the validation rules themselves, docs/class-schemas.ts).

/** A query string carries text: these fields are read as numbers before the contract's rules check them. */
export function numbersFromQuery<T>(dto: Type<T>, ...fields: ReadonlyArray<keyof T & string>): void {
  for (const field of fields) TransformTo(() => Number)(dto.prototype as object, field);
}

/** Descriptions, defaults and examples of fields a DTO takes from a contract class. */
export function describeFields<T>(dto: Type<T>, fields: { [K in keyof T & string]?: FieldNotes }): void {
  noteFields(dto, fields as Record<string, FieldNotes>);
}
