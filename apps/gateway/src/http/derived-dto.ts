import type { Type } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type as TransformTo } from 'class-transformer';

// Gateway DTOs derive from the contract classes (PickType/OmitType of @nestjs/swagger copy their
// validation and transformation rules), so a rule is written once, in libs/contracts. What the
// HTTP edge adds lives here: query strings read as numbers, and the OpenAPI descriptions
// (contracts carry no Swagger metadata).

/** A query string carries text: these fields are read as numbers before the contract's rules check them. */
export function numbersFromQuery<T>(dto: Type<T>, ...fields: ReadonlyArray<keyof T & string>): void {
  for (const field of fields) TransformTo(() => Number)(dto.prototype as object, field);
}

/** OpenAPI descriptions of fields a DTO takes from a contract class. */
export function describeFields<T>(dto: Type<T>, fields: { [K in keyof T & string]?: ApiPropertyOptions }): void {
  for (const [field, options] of Object.entries(fields) as Array<[string, ApiPropertyOptions]>) {
    ApiProperty(options)(dto.prototype as object, field);
  }
}
