import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

const DOCS_PATH = '/api/docs';
const JSON_PATH = '/api/docs-json';

/**
 * The public contract (shared/API.md) as OpenAPI: JSON at /api/docs-json and Swagger UI at
 * /api/docs, the UI served by @nestjs/swagger itself from the swagger-ui assets it ships
 * (through @fastify/static), so the page needs nothing from outside (the system must work on
 * an intranet).
 */
export function setupOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Disdukcapil — layanan administrasi kependudukan')
    .setDescription(
      'Public HTTP API, version 1 (shared/API.md). Errors are RFC 9457 problem details ' +
        '(`application/problem+json`) with a stable `code` and the `correlationId` of the request. ' +
        'Additions to API.md: `code` and `correlationId` in problem details; `checks` and `down` in health reports.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: JSON_PATH,
    useGlobalPrefix: false,
    raw: ['json'],
    customSiteTitle: 'API Disdukcapil — dokumentasi',
  });
}
