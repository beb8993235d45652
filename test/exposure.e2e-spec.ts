import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ServiceName } from '#lib/contracts';
import { ensureWebBuilt } from './browser/support/browser.js';
import { rawRequest } from './support/raw-http.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * Issue #13: security headers on every response, `/metrics` and health details kept from the
 * public, and no path a client sends answering 5xx.
 */
/**
 * The path exactly as given, byte for byte (no URL normalisation of `..` or `%2e`, as fetch
 * would do); only characters outside ASCII are percent-encoded, as a client must send them.
 */
/** A GET with the path as written (non-ASCII and spaces percent-encoded, nothing else). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return rawRequest(
    url,
    'GET',
    path.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c)),
  );
}

describe('headers and exposure', () => {
  let stack: Stack;

  beforeAll(async () => {
    // The pages are part of what must answer sanely (`/` is the app's index.html).
    ensureWebBuilt();
    stack = await startStack();
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  const PAGES = [
    '/',
    '/permohonan/baru',
    '/api/v1/health',
    '/api/v1/no-such-thing',
    '/api/v1/me',
    '/verifikasi/AAAAAAAAAAAAAAAAAAAAAA',
    '/verifikasi/x',
    '/api/docs',
    '/api/docs-json',
  ];

  it.each(PAGES)('sends the security headers on %s', async (path) => {
    const response = await request(stack.url).get(path);
    expect(response.status).toBeLessThan(500);
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBeDefined();
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('gives the QR page a CSP that allows its own style and nothing else of the page', async () => {
    const response = await request(stack.url).get('/verifikasi/AAAAAAAAAAAAAAAAAAAAAA');
    const csp = response.headers['content-security-policy'];
    expect(csp).toMatch(/script-src 'none'|default-src 'none'/);
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it('does not serve /metrics on the public port; the internal port does', async () => {
    const pub = await request(stack.url).get('/metrics');
    expect(pub.status).toBe(404);
    expect(pub.text).not.toMatch(/http_request_duration_seconds/);
    const internal = await request(stack.metricsUrl).get('/metrics').expect(200);
    expect(internal.text).toMatch(/http_request_duration_seconds/);
    expect(new URL(stack.metricsUrl).hostname).toBe('127.0.0.1');
  });

  it('answers the public /health with its status only; staff and the internal port see the details', async () => {
    const pub = await request(stack.url).get('/api/v1/health').expect(200);
    expect(pub.body).toEqual({ status: 'up' });
    const staff = await stack.signToken({
      sub: '00000000-0000-4000-8000-000000000001',
      role: 'CLERK',
      regencyCode: '16.02',
      username: 'clerk',
    });
    const detailed = await request(stack.url).get('/api/v1/health').set('authorization', `Bearer ${staff}`).expect(200);
    expect(detailed.body.checks['identity.database']).toMatchObject({ status: 'up' });
    const resident = await stack.signToken({
      sub: '00000000-0000-4000-8000-000000000002',
      role: 'RESIDENT',
      nik: '1602054505950005',
    });
    const residentView = await request(stack.url)
      .get('/api/v1/health')
      .set('authorization', `Bearer ${resident}`)
      .expect(200);
    expect(residentView.body).toEqual({ status: 'up' });
    const forged = await request(stack.url)
      .get('/api/v1/health')
      .set('authorization', 'Bearer not.a.token')
      .expect(200);
    expect(forged.body).toEqual({ status: 'up' });
    const internal = await request(stack.metricsUrl).get('/health').expect(200);
    expect(internal.body.checks.nats).toMatchObject({ status: 'up' });

    await stack.stopService(ServiceName.DOCUMENTS);
    try {
      const down = await request(stack.url).get('/api/v1/health').expect(503);
      expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(down.body)).not.toMatch(/documents|timeout|nats|database|refused|Tidak tersedia:/i);
      expect(down.body.checks).toBeUndefined();
      const staffDown = await request(stack.url)
        .get('/api/v1/health')
        .set('authorization', `Bearer ${staff}`)
        .expect(503);
      expect(staffDown.body.down).toEqual(expect.arrayContaining(['documents']));
      const internalDown = await request(stack.metricsUrl).get('/health').expect(503);
      expect(internalDown.body.down).toEqual(expect.arrayContaining(['documents']));
    } finally {
      await stack.startService(ServiceName.DOCUMENTS);
    }
  });

  it('answers /foo%25 with 404 and malformed percent-encoding with 400', async () => {
    expect((await request(stack.url).get('/foo%25')).status).toBe(404);
    expect((await request(stack.url).get('/api/v1/foo%25')).status).toBe(404);
    for (const path of ['/foo%', '/foo%zz', '/%E0%A4%A', '/api/v1/%', '/verifikasi/%C0%AF']) {
      expect({ path, status: (await request(stack.url).get(path)).status }).toEqual({ path, status: 400 });
    }
  });

  const NASTY = [
    '%',
    '%25',
    '%2525',
    '%00',
    'a%00b',
    '..%2f..%2fetc%2fpasswd',
    '..%2F..%2F',
    '%2e%2e/%2e%2e/',
    '....//....//',
    '%c0%ae%c0%ae/',
    '%ff',
    '%e2%80%ae',
    'ä',
    '%F0%9F%98%80',
    encodeURIComponent('ǅ𝕏\u202e'),
    'x'.repeat(8000),
    `${'a/'.repeat(2000)}b`,
    '%uD800',
    '%ED%A0%80',
    '?x=%',
    ';a=b',
    '%3Cscript%3E',
    'index.html%00.js',
    'assets/%2e%2e/%2e%2e/package.json',
  ];

  it.each(['/', '/api/v1/', '/verifikasi/', '/api/v1/applications/', '/api/docs/'])(
    'never answers 5xx to a nasty path under %s',
    async (prefix) => {
      for (const tail of NASTY) {
        const response = await rawGet(stack.url, `${prefix}${tail}`);
        expect({ path: `${prefix}${tail}`.slice(0, 80), status: response.status < 500 }).toEqual({
          path: `${prefix}${tail}`.slice(0, 80),
          status: true,
        });
        expect(response.body).not.toMatch(/URIError|stack|at .*\.js:\d+/);
      }
    },
  );
});
