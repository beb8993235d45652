import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { createRequire } from 'node:module';
import path from 'node:path';
import { registerStaticFolder } from '../http/static-files.js';
import { buildOpenApiDocument } from './openapi-document.js';

const DOCS_PATH = '/api/docs';
const JSON_PATH = '/api/docs-json';

/**
 * The public contract (shared/API.md) as OpenAPI: JSON at /api/docs-json and Swagger UI at
 * /api/docs. The UI's assets come from swagger-ui-dist through the gateway's own static
 * handler, so the page needs nothing from outside (the system must work on an intranet).
 */
export function setupOpenApi(app: NestFastifyApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: JSON_PATH, useGlobalPrefix: false, ui: false });

  const assets = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const fastify = app.getHttpAdapter().getInstance();
  registerStaticFolder(fastify, `${DOCS_PATH}/assets`, assets);
  fastify.get(DOCS_PATH, async (_request, reply) =>
    reply.header('content-type', 'text/html; charset=utf-8').send(UI_PAGE),
  );
}

const UI_PAGE = `<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>API Disdukcapil — dokumentasi</title>
  <link rel="stylesheet" href="${DOCS_PATH}/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${DOCS_PATH}/assets/swagger-ui-bundle.js"></script>
  <script src="${DOCS_PATH}/assets/swagger-ui-standalone-preset.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: '${JSON_PATH}',
      dom_id: '#swagger-ui',
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: 'StandaloneLayout',
    });
  </script>
</body>
</html>`;
