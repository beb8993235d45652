import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, DECORATORS, ApiParam, ApiQuery, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import type { ErrorCode } from '#lib/domain';
import { documentedClasses } from './class-schemas.js';
import { ERROR_CODES_EXTENSION } from './problems.openapi.js';
import { viewRef, type ViewName } from './views.openapi.js';

/**
 * The OpenAPI decorators of the gateway's routes. Request schemas come from the classes the
 * routes validate with (`ClassSchemas`), response schemas from the views (views.openapi.ts), and
 * the error responses from the codes listed here; the document builder (openapi-document.ts)
 * puts the collected schemas into `components`.
 */

/** The JSON body, validated with this class. */
export function ApiBodyFrom(cls: Type<unknown>, options: { description?: string; example?: unknown } = {}) {
  return ApiBody({
    schema: documentedClasses.ref(cls),
    required: true,
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(options.example === undefined ? {} : { examples: { example: { value: options.example } } }),
  });
}

/** The path parameters, one per property of this class. */
export function ApiParamsFrom(cls: Type<unknown>, examples: Record<string, string> = {}) {
  return applyDecorators(
    ...properties(cls).map(([name, schema]) =>
      ApiParam({ name, required: true, schema, ...(examples[name] ? { example: examples[name] } : {}) }),
    ),
  );
}

/** The query parameters, one per property of this class (all optional unless the class says otherwise). */
export function ApiQueryFrom(cls: Type<unknown>) {
  const required = new Set(documentedClasses.inline(cls).required ?? []);
  return applyDecorators(
    ...properties(cls).map(([name, schema]) => ApiQuery({ name, required: required.has(name), schema })),
  );
}

function properties(cls: Type<unknown>): Array<[string, SchemaObject]> {
  return Object.entries(documentedClasses.inline(cls).properties ?? {}) as Array<[string, SchemaObject]>;
}

/** The success response, with its view schema (views.openapi.ts). */
export function ApiResult(status: number, view: ViewName | SchemaObject, description: string) {
  return ApiResponse({ status, description, schema: typeof view === 'string' ? viewRef(view) : view });
}

/**
 * The error codes this operation can answer with beyond the ones every operation of its kind
 * can (bad input, no token, wrong role, a service down: the document builder adds those).
 */
export function ApiProblems(...codes: ErrorCode[]): MethodDecorator {
  return (target, key, descriptor) => {
    // Several decorators may list codes (the route's own, @IdempotentAction's): they add up.
    const extensions = (Reflect.getMetadata(DECORATORS.API_EXTENSION, descriptor.value as object) ?? {}) as Record<
      string,
      ErrorCode[] | undefined
    >;
    const all = [...new Set([...(extensions[ERROR_CODES_EXTENSION] ?? []), ...codes])];
    // ApiExtension keeps an existing value of the key; this one must replace it with the union.
    Reflect.defineMetadata(
      DECORATORS.API_EXTENSION,
      { ...extensions, [ERROR_CODES_EXTENSION]: all },
      descriptor.value as object,
    );
    return descriptor;
  };
}
