import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Role, type ErrorCode } from '#lib/domain';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from '../auth/auth.decorators.js';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.js';
import { documentedClasses } from './class-schemas.js';
import { ERROR_CODES_EXTENSION, PROBLEM_COMPONENTS, problemResponses } from './problems.openapi.js';
import { viewComponents } from './views.openapi.js';

/**
 * The security schemes. Every one is the same kind of token (an ES256 JWT in the Authorization
 * header); they say who holds it, so a client sees which sign-in an operation needs. People sign
 * in with a password, agencies with client credentials.
 */
const RESIDENT = 'residentBearer';
const STAFF = 'staffBearer';
const ADMIN = 'adminBearer';
const AGENCY = 'agencyClientCredentials';

const JWT_NOTE =
  'Valid at most 15 minutes; an ES256-signed JWT checked as RFC8725 recommends (one algorithm, issuer, ' +
  'audience, expiry).';

/** The operations anyone may call: how a caller gets credentials, and what must work without them. */
const PUBLIC_OPERATIONS = new Set([
  'authRegister',
  'authLogin',
  'authMfa',
  'authRefresh',
  'agencyTokenToken',
  'documentsVerify',
  'regionsChildren',
  'healthCheck',
]);

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
region routes; a person's own sessions (\`GET /me/sessions\`, \`DELETE /me/sessions/{id}\`,
\`POST /me/sessions/revoke-others\`).

Rules added to API.md's (stricter input, same 400 problem with the field named in \`errors\`): a new
password (\`POST /auth/register\`, \`POST /me/password\`, \`POST /admin/staff\`) is refused when it is one
of the 10,000 most common passwords or a common Indonesian one (compared case-insensitively, with
digits, symbols and look-alike characters around a word undone), or is built from the person's own
NIK, No. KK, NIP, birth date, name or username; a staff \`fullName\` keeps to the document-text rule
(it is printed under what an official signs); no string or key of a body, query or path may hold
U+0000 or a bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069; a password
excepted); free text another person reads (an agency's \`name\`, a \`purpose\`, a staff \`reason\`,
\`note\` or \`message\`, a revocation \`reason\`) holds no control or invisible character either.

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
        description: `A resident's accessToken of POST /api/v1/auth/login (the NIK as username). ${JWT_NOTE}`,
      },
      RESIDENT,
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: `A staff member's (CLERK, OFFICIAL, ADMIN) accessToken of POST /api/v1/auth/login. ${JWT_NOTE}`,
      },
      STAFF,
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: `An ADMIN's accessToken of POST /api/v1/auth/login. ${JWT_NOTE}`,
      },
      ADMIN,
    )
    .addOAuth2(
      {
        type: 'oauth2',
        description:
          'Agencies: OAuth 2.0 client credentials (RFC 6749 §4.4) at POST /api/v1/auth/token; the token is a ' +
          `short-lived JWT sent as a bearer token. ${JWT_NOTE} No refresh token: ask for a new one.`,
        flows: { clientCredentials: { tokenUrl: '/api/v1/auth/token', refreshUrl: '/api/v1/auth/token', scopes: {} } },
      },
      AGENCY,
    );
  for (const tag of TAGS) builder.addTag(tag.name, tag.description);
  const access = routeAccess(app);
  const accessByOperation = new Map<string, Access>();
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (controller, method) => {
      const id = `${lowerFirst(controller.replace(/Controller$/, ''))}${method[0].toUpperCase()}${method.slice(1)}`;
      const known = access.get(`${controller}.${method}`);
      if (known !== undefined) accessByOperation.set(id, known);
      return id;
    },
  });
  for (const server of document.servers ?? []) (server as { 'x-internal'?: boolean })['x-internal'] = false;
  for (const path of Object.keys(document.paths)) {
    if (UNDOCUMENTED_PATHS.some((pattern) => pattern.test(path))) delete document.paths[path];
  }
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as OperationLike[]) {
      if (typeof operation === 'object' && operation !== null && 'responses' in operation) {
        operation.security = securityOf(operation.operationId ?? '', accessByOperation);
        completeOperation(operation);
      }
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
  summary?: string;
  description?: string;
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
  if (operation.description === undefined && operation.summary !== undefined) operation.description = operation.summary;
  const secured = operation.security.length > 0;
  if (secured) {
    codes.add('AUTH.UNAUTHENTICATED');
    codes.add('AUTH.FORBIDDEN');
    // An account under a restriction (a reset password, a missing second factor) reaches only
    // the routes that lift it (apps/gateway/src/auth/auth.guard.ts).
    if (operation.security.some((requirement) => !(AGENCY in requirement))) {
      codes.add('AUTH.PASSWORD_CHANGE_REQUIRED');
      codes.add('AUTH.MFA_ENROLMENT_REQUIRED');
    }
  }
  if (operation.security.some((requirement) => AGENCY in requirement)) codes.add('AGENCY.SUSPENDED');
  if ((operation.parameters ?? []).length > 0 || operation.requestBody !== undefined) codes.add('VALIDATION.FAILED');
  if (operation.requestBody !== undefined) {
    codes.add('REQUEST.MALFORMED');
    // Any body beyond the gateway's limit (BODY_LIMIT_BYTES) is refused before the route runs.
    codes.add('REQUEST.TOO_LARGE');
  }
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

/** Who may call a route: `public`, or the roles of `@Roles` (empty: any signed-in caller). */
type Access = 'public' | Role[];

/** The access of every controller method, read from the auth decorators the guard enforces. */
function routeAccess(app: INestApplication): Map<string, Access> {
  const access = new Map<string, Access>();
  for (const module of app.get(ModulesContainer, { strict: false }).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { name: string; prototype: Record<string, unknown> } | null;
      if (controller === null) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const read = (key: string): unknown =>
          (Reflect.getMetadata(key, handler) as unknown) ?? (Reflect.getMetadata(key, controller) as unknown);
        const roles = read(ALLOWED_ROLES);
        if (read(PUBLIC_ROUTE) === true) access.set(`${controller.name}.${method}`, 'public');
        else if (Array.isArray(roles)) access.set(`${controller.name}.${method}`, roles as Role[]);
      }
    }
  }
  return access;
}

/** The security requirement of an operation, from its roles; public only when meant to be. */
function securityOf(operationId: string, accessByOperation: Map<string, Access>): Array<Record<string, string[]>> {
  const access = accessByOperation.get(operationId);
  if (access === undefined) throw new Error(`${operationId}: no @Public, @Roles or @Authenticated`);
  if (access === 'public') {
    if (!PUBLIC_OPERATIONS.has(operationId)) throw new Error(`${operationId} is public: add it to PUBLIC_OPERATIONS`);
    return [];
  }
  const roles = access.length === 0 ? [Role.RESIDENT, Role.CLERK, Role.OFFICIAL, Role.ADMIN] : access;
  if (roles.length === 1 && roles[0] === Role.ADMIN) return [{ [ADMIN]: [] }];
  const schemes = new Set<string>();
  for (const role of roles) {
    if (role === Role.RESIDENT) schemes.add(RESIDENT);
    else if (role === Role.AGENCY) schemes.add(AGENCY);
    else schemes.add(STAFF);
  }
  return [...schemes].map((scheme) => ({ [scheme]: [] }));
}

function lowerFirst(text: string): string {
  return `${text[0].toLowerCase()}${text.slice(1)}`;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
