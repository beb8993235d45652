import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { startStack, type Stack } from './support/stack.js';

// The document agencies generate their clients from is the committed docs/openapi.json, which
// every other e2e test checks the gateway's responses against (support/openapi-contract.setup.ts).

describe('the OpenAPI document the gateway serves', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('is docs/openapi.json, the document the contract check uses', async () => {
    const response = await request(stack.url).get('/api/docs-json').expect(200);
    expect(response.body).toEqual(JSON.parse(readFileSync('docs/openapi.json', 'utf8')));
  });

  it('refuses a real response once its shape is broken', async () => {
    const { OpenApiContract } = await import('./support/openapi-contract.js');
    const contract = OpenApiContract.fromFile();
    const health = await request(stack.url).get('/api/v1/health').expect(200);
    const broken = { ...(health.body as Record<string, unknown>), status: 'sideways' };
    expect(
      contract.violation({
        method: 'GET',
        url: '/api/v1/health',
        status: 200,
        contentType: 'application/json',
        body: broken,
      }),
    ).toMatch(/status must be equal to one of the allowed values/);
  });
});
