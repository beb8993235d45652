import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { previewOpenApiDocument } from './openapi-preview.js';
import { patternMaxLength } from './schema-limits.js';

type Operation = {
  operationId: string;
  security: unknown[];
  parameters?: Array<{ in: string; name: string; schema: { pattern?: string; maxLength?: number } }>;
  responses: Record<string, unknown>;
};

describe('the OpenAPI document', () => {
  it('is the committed docs/openapi.json (run `npm run openapi` after changing the API)', async () => {
    const document = await previewOpenApiDocument();
    const committed = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as unknown;
    expect(JSON.parse(JSON.stringify(document))).toEqual(committed);
  });

  it('declares every path parameter with a bounded schema, and problem responses on every operation', async () => {
    const document = await previewOpenApiDocument();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const operation of Object.values(item) as Operation[]) {
        const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
        const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
        expect(declared.map((parameter) => parameter.name).sort()).toEqual(names.sort());
        for (const parameter of declared) expect(parameter.schema.maxLength).toBeGreaterThan(0);
        expect(operation.responses['500']).toBeDefined();
        if (operation.security.length > 0) expect(operation.responses['401']).toBeDefined();
      }
    }
    const nik = document.paths['/api/v1/residents/{nik}'].get?.parameters?.[0] as { schema: { pattern: string } };
    expect(nik.schema.pattern).toBe('^[0-9]{16}$');
  });

  it('states the security each operation needs, from the roles its route allows', async () => {
    const { paths } = await previewOpenApiDocument();
    expect(paths['/api/v1/verifications/batch'].post?.security).toEqual([{ agencyClientCredentials: [] }]);
    expect(paths['/api/v1/admin/staff'].post?.security).toEqual([{ adminBearer: [] }]);
    expect(paths['/api/v1/applications'].post?.security).toEqual([{ residentBearer: [] }]);
    expect(paths['/api/v1/auth/login'].post?.security).toEqual([]);
  });
});

describe('patternMaxLength', () => {
  it.each([
    ['^\\d{3}$', 3],
    ['^[0-9]{16}$', 16],
    ['^([01]\\d|2[0-3]):[0-5]\\d$', 5],
    ['^(?=.*[a-z])[a-z0-9._-]{3,64}$', 64],
    ['^[0-9]{2}\\.[0-9]{2}$', 5],
    ['^ab?c$', 3],
  ])('%s → %d', (pattern, length) => {
    expect(patternMaxLength(pattern)).toBe(length);
  });

  it.each(['^\\d+$', '^a*$', '^\\d{3,}$', '\\d{3}', '^\\p{L}[\\p{L} ]*$'])(
    '%s is unbounded or unanchored',
    (pattern) => {
      expect(patternMaxLength(pattern)).toBeUndefined();
    },
  );
});
