import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { buildOpenApiDocument } from './openapi-document.js';

export const DOCS_PATH = '/api/docs';
const JSON_PATH = '/api/docs-json';

/**
 * The public contract (shared/API.md) as OpenAPI: JSON at /api/docs-json and Swagger UI at
 * /api/docs, the UI served by @nestjs/swagger itself from the swagger-ui assets it ships
 * (through @fastify/static), so the page needs nothing from outside (the system must work on
 * an intranet). The document is built by openapi-document.ts (the same as docs/openapi.json).
 */
export function setupOpenApi(app: NestFastifyApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: JSON_PATH,
    useGlobalPrefix: false,
    raw: ['json'],
    customSiteTitle: 'API Disdukcapil — dokumentasi',
  });
}
