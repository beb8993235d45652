import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The contract check of the whole-system tests: every response the gateway sends them is checked
 * against docs/openapi.json — its status must be documented for that operation, its content
 * type too, and its JSON body must match the schema (ajv). The document cannot drift from what
 * the gateway sends without a test failing (test/support/openapi-contract.setup.ts).
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export const API_PREFIX = '/api/v1';
const DOCUMENT_ID = 'openapi.json';
const JSON_TYPES = ['application/json', 'application/problem+json'];
const UNROUTED_STATUSES = [400, 404, 405, 413, 415];

interface ResponseObject {
  content?: Record<string, { schema?: unknown }>;
}

interface Operation {
  template: string;
  pattern: RegExp;
  responses: Record<string, ResponseObject>;
}

export interface ObservedResponse {
  method: string;
  /** The path and query as requested. */
  url: string;
  status: number;
  contentType: string | undefined;
  body: unknown;
}

export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly operations = new Map<string, Operation[]>();
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: { paths: Record<string, Record<string, unknown>> }) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    for (const format of ['binary', 'int32', 'int64', 'double']) this.ajv.addFormat(format, true);
    this.ajv.addSchema(document, DOCUMENT_ID);
    // Literal paths first (`/me/family` before `/me/{x}`), then by their number of parameters.
    const templates = Object.keys(document.paths).sort(
      (a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0),
    );
    for (const template of templates) {
      const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const [method, operation] of Object.entries(document.paths[template])) {
        const list = this.operations.get(method) ?? [];
        list.push({
          template,
          pattern,
          responses: (operation as { responses: Record<string, ResponseObject> }).responses,
        });
        this.operations.set(method, list);
      }
    }
  }

  static fromFile(file = path.resolve('docs/openapi.json')): OpenApiContract {
    return new OpenApiContract(
      JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, unknown>> },
    );
  }

  /** What is wrong with this response, or undefined when the document allows it. */
  violation(response: ObservedResponse): string | undefined {
    const pathOnly = response.url.split('?')[0];
    if (!pathOnly.startsWith(`${API_PREFIX}/`)) return undefined;
    const method = response.method.toLowerCase();
    const operation = this.operations.get(method)?.find((candidate) => candidate.pattern.test(pathOnly));
    const where = `${response.method.toUpperCase()} ${pathOnly} → ${response.status}`;
    if (operation === undefined) {
      // A route the API does not have is refused with a problem: 404 or 405, or before routing
      // 400, 413 or 415 for a body that cannot be read at all.
      if (UNROUTED_STATUSES.includes(response.status) && this.isProblem(response.body)) return undefined;
      return `${where}: no such operation in docs/openapi.json`;
    }
    const responseObject = operation.responses[String(response.status)];
    if (responseObject === undefined) {
      return `${where}: status not documented for ${method.toUpperCase()} ${operation.template}`;
    }
    const contentType = response.contentType?.split(';')[0].trim().toLowerCase();
    const content = responseObject.content;
    if (content === undefined || Object.keys(content).length === 0) {
      return isEmpty(response.body) ? undefined : `${where}: a body where the document says none`;
    }
    if (contentType === undefined || content[contentType] === undefined) {
      return `${where}: content type ${contentType ?? '(none)'} not documented (${Object.keys(content).join(', ')})`;
    }
    if (!JSON_TYPES.includes(contentType) || content[contentType].schema === undefined) return undefined;
    const pointer = `/paths/${escape(operation.template)}/${method}/responses/${response.status}/content/${escape(contentType)}/schema`;
    const validate = this.validator(pointer);
    if (validate(response.body)) return undefined;
    const errors = (validate.errors ?? [])
      .slice(0, 8)
      .map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`)
      .join('; ');
    return `${where}: the body does not match docs/openapi.json (${operation.template}): ${errors}`;
  }

  private isProblem(body: unknown): boolean {
    return this.validator('/components/schemas/Problem')(body);
  }

  private validator(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (validate === undefined) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }
}

/** A JSON pointer segment (RFC 6901) inside a URI fragment. */
function escape(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function isEmpty(body: unknown): boolean {
  return (
    body === undefined ||
    body === null ||
    body === '' ||
    (typeof body === 'object' && !Buffer.isBuffer(body) && Object.keys(body).length === 0) ||
    (Buffer.isBuffer(body) && body.length === 0)
  );
}
