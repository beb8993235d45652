import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ErrorCode } from '#lib/domain';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.js';
import { documentedClasses } from './class-schemas.js';
import { ERROR_CODES_EXTENSION, PROBLEM_COMPONENTS, problemResponses } from './problems.openapi.js';
import { viewComponents } from './views.openapi.js';

/** The security schemes: people sign in with a password (bearer JWT), agencies by client credentials. */
export const BEARER = 'bearer';
export const AGENCY = 'agencyClientCredentials';

export const API_VERSION = '1.0.0';

const TAGS = [
  { name: 'Accounts and tokens', description: 'Residents, staff and agencies sign in; ADMINs manage accounts' },
  { name: 'Population registry', description: 'Persons and families of the registry (identity)' },
  { name: 'Verification for agencies', description: 'Partner agencies check a NIK against the registry' },
  { name: 'Applications', description: 'What residents apply for, and the staff workflow' },
  { name: 'Documents', description: 'Issued, signed documents and their public check' },
  { name: 'Regions (addition)', description: 'The region directory of idn-area-data, for the web pages' },
  { name: 'Health', description: 'Whether the gateway and every service behind it are up' },
];

const DESCRIPTION = `Public HTTP API, version 1, as shared/API.md describes it.

Errors are RFC 9457 problem details (\`application/problem+json\`) with a stable \`code\`
(each operation lists the codes it can answer with, per status) and the request's \`correlationId\`.
Lists take \`?limit=\` (default 20, max 100) and \`?offset=\` and answer \`{ items, total }\`.

Additions to API.md, all optional for clients: \`code\` and \`correlationId\` in problem details;
\`allowedActions\`, \`waitingSince\`, \`waitingSeconds\` in applications; region codes and names in
families; \`checks\` and \`down\` in health reports; the agency suspend/resume, document revoke and
region routes.

All examples are synthetic: no NIK in this document belongs to a real person.`;

/** The routes outside the API that the document leaves out (a page for people, not a client). */
const UNDOCUMENTED_PATHS = [/^\/verifikasi\//];

/**
 * The OpenAPI document of the running (or previewed) gateway: Nest's scan of the controllers,
 * the schemas of the classes they validate with and of the views they answer with, and per
 * operation its security and every error it can answer with.
 */
export function buildOpenApiDocument(app: INestApplication, serverUrl = '/'): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Disdukcapil — layanan administrasi kependudukan')
    .setDescription(DESCRIPTION)
    .setVersion(API_VERSION)
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .setContact('Disdukcapil', '', 'layanan@disdukcapil.example.go.id')
    .addServer(serverUrl, 'This deployment (production serves it over HTTPS only)', {})
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'Residents and staff: the accessToken of POST /api/v1/auth/login, valid at most 15 minutes. ' +
          'Tokens are ES256-signed JWTs checked as RFC8725 recommends (one algorithm, issuer, audience, expiry).',
      },
      BEARER,
    )
    .addOAuth2(
      {
        type: 'oauth2',
        description:
          'Agencies: OAuth 2.0 client credentials (RFC 6749 §4.4) at POST /api/v1/auth/token; the token is a ' +
          'short-lived JWT (RFC8725) sent as a bearer token. There are no refresh tokens: ask for a new one.',
        flows: { clientCredentials: { tokenUrl: '/api/v1/auth/token', refreshUrl: '/api/v1/auth/token', scopes: {} } },
      },
      AGENCY,
    );
  for (const tag of TAGS) builder.addTag(tag.name, tag.description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (controller, method) =>
      `${lowerFirst(controller.replace(/Controller$/, ''))}${method[0].toUpperCase()}${method.slice(1)}`,
  });
  for (const path of Object.keys(document.paths)) {
    if (UNDOCUMENTED_PATHS.some((pattern) => pattern.test(path))) delete document.paths[path];
  }
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as OperationLike[]) {
      if (typeof operation === 'object' && operation !== null && 'responses' in operation) completeOperation(operation);
    }
  }
  const views = viewComponents();
  document.components = {
    ...document.components,
    schemas: sortKeys({ ...documentedClasses.components(), ...views, ...PROBLEM_COMPONENTS }),
  };
  return document;
}

interface OperationLike {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
  [ERROR_CODES_EXTENSION]?: ErrorCode[];
}

/** Security, the errors every operation of its kind can meet, and its own. */
function completeOperation(operation: OperationLike): void {
  const codes = new Set<ErrorCode>(operation[ERROR_CODES_EXTENSION] ?? []);
  delete operation[ERROR_CODES_EXTENSION];
  operation.security ??= [];
  const secured = operation.security.length > 0;
  if (secured) {
    codes.add('AUTH.UNAUTHENTICATED');
    codes.add('AUTH.FORBIDDEN');
  }
  if (operation.security.some((requirement) => AGENCY in requirement)) codes.add('AGENCY.SUSPENDED');
  if ((operation.parameters ?? []).length > 0 || operation.requestBody !== undefined) codes.add('VALIDATION.FAILED');
  if (operation.requestBody !== undefined) codes.add('REQUEST.MALFORMED');
  codes.add('SERVICE.UNAVAILABLE');
  codes.add('INTERNAL');
  const problems = problemResponses(codes);
  for (const [status, response] of Object.entries(problems)) {
    if (operation.responses[status] === undefined) operation.responses[status] = response;
  }
  // A success described by Nest without a body schema keeps only its description.
  for (const [status, response] of Object.entries(operation.responses)) {
    if (Number(status) >= 400 && response.content !== undefined && !(PROBLEM_CONTENT_TYPE in response.content)) {
      throw new Error(`${operation.operationId ?? '?'}: ${status} must be problem details`);
    }
  }
}

function lowerFirst(text: string): string {
  return `${text[0].toLowerCase()}${text.slice(1)}`;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
