import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Fastify, { type FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { registerSecurityHeaders } from '../http/security-headers.js';
import { registerWebApp } from './web-app.js';

interface Answer {
  statusCode: number;
  headers: IncomingHttpHeaders;
  rawPayload: Buffer;
  body: string;
}

/** A plain HTTP GET that leaves the body as sent (no decompression), as a cache or proxy sees it. */
function fetchRaw(base: string, url: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${url}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const rawPayload = Buffer.concat(chunks);
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, rawPayload, body: rawPayload.toString() });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The page's policy once it no longer holds `oldHash` (a watched rebuild is seen within moments). */
async function policyOnceChanged(base: string, oldHash: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const policy = (await fetchRaw(base, '/', {})).headers['content-security-policy'] as string;
    if (!policy.includes(oldHash) || attempt >= 50) return policy;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const SCRIPT = 'console.log("halaman penduduk");'.repeat(20);

describe('the web pages at / (@fastify/static)', () => {
  let root: string;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'gateway-web-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><html lang="id"><body>Beranda</body></html>');
    await writeFile(path.join(root, 'assets', 'app-3f2a9c1b.js'), SCRIPT);
    await writeFile(path.join(root, 'assets', 'app-3f2a9c1b.js.gz'), gzipSync(SCRIPT));
    await writeFile(path.join(root, 'assets', 'app-3f2a9c1b.js.br'), brotliCompressSync(SCRIPT));
    await writeFile(path.join(root, 'theme.css'), ':root { --warna: #0b5; }');
    await writeFile(path.join(root, '.env'), 'RAHASIA=1');
    await writeFile(path.join(root, '.kunci.txt'), 'RAHASIA');
    app = Fastify();
    // As the gateway registers them: helmet's headers on every response, then the pages.
    registerSecurityHeaders(app, '/api/docs');
    await registerWebApp(app, root);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app.close();
    await rm(root, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => fetchRaw(base, url, headers);

  it('answers any page path with index.html, revalidated, with the security headers', async () => {
    for (const url of ['/', '/permohonan/baru', '/staf/antrean?status=SUBMITTED']) {
      const page = await get(url);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('Beranda');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('allows exactly the inline style and script the build put into index.html, by their hashes', async () => {
    const style = 'body{color:#123}';
    const script = "document.body.dataset.siap='ya'";
    const own = await mkdtemp(path.join(tmpdir(), 'gateway-web-inline-'));
    const html = `<!doctype html><html lang="id"><head><style>${style}</style></head><body><script>${script}</script><script type="module" src="/assets/a.js"></script></body></html>`;
    await writeFile(path.join(own, 'index.html'), html);
    await writeFile(path.join(own, 'index.html.gz'), gzipSync(html));
    const site = Fastify();
    try {
      await registerWebApp(site, own, { watch: true });
      const url = await site.listen({ port: 0, host: '127.0.0.1' });
      const sha = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
      for (const headers of [{}, { 'accept-encoding': 'gzip' }] as Array<Record<string, string>>) {
        const policy = (await fetchRaw(url, '/masuk', headers)).headers['content-security-policy'] as string;
        expect(policy).toContain(`style-src 'self' ${sha(style)};`);
        expect(policy).toContain(`script-src 'self' ${sha(script)};`);
        expect(policy).not.toContain('unsafe-inline');
      }
      // A rebuild in development (watched) with another script: the old hash no longer allows anything.
      const changed = "document.body.dataset.siap='tidak'";
      await writeFile(path.join(own, 'index.html'), html.replace(script, changed) + ' ');
      const policy = await policyOnceChanged(url, sha(script));
      expect(policy).toContain(sha(changed));
      expect(policy).not.toContain(sha(script));
    } finally {
      await site.close();
      await rm(own, { recursive: true, force: true });
    }
  });

  it('works the policy out once, not per request: without watching, a changed file is not read again', async () => {
    const own = await mkdtemp(path.join(tmpdir(), 'gateway-web-once-'));
    const html = (text: string): string =>
      `<!doctype html><html lang="id"><body><script>${text}</script></body></html>`;
    await writeFile(path.join(own, 'index.html'), html('satu()'));
    const site = Fastify();
    try {
      await registerWebApp(site, own);
      const url = await site.listen({ port: 0, host: '127.0.0.1' });
      const first = (await fetchRaw(url, '/', {})).headers['content-security-policy'];
      await writeFile(path.join(own, 'index.html'), html('dua()'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await fetchRaw(url, '/masuk', {})).headers['content-security-policy']).toBe(first);
    } finally {
      await site.close();
      await rm(own, { recursive: true, force: true });
    }
  });

  it('serves the pages built after the gateway started, with their policy', async () => {
    const later = await mkdtemp(path.join(tmpdir(), 'gateway-web-later-'));
    const site = Fastify();
    try {
      await registerWebApp(site, later);
      const url = await site.listen({ port: 0, host: '127.0.0.1' });
      expect((await fetchRaw(url, '/', {})).statusCode).toBe(503);
      const script = 'nanti()';
      await writeFile(path.join(later, 'index.html'), `<!doctype html><body><script>${script}</script></body>`);
      const answer = await fetchRaw(url, '/', {});
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-security-policy']).toContain(
        `'sha256-${createHash('sha256').update(script).digest('base64')}'`,
      );
    } finally {
      await site.close();
      await rm(later, { recursive: true, force: true });
    }
  });

  it('answers 404 to a path that is no page and no file (`%`, NUL, `..`, unicode), never 5xx', async () => {
    for (const url of [
      '/foo%25',
      '/a%00b',
      '/%2e%2e/package.json',
      '/assets/%2e%2e/%2e%2e/x.js',
      '/%C3%A4',
      '/a%5Cb',
    ]) {
      expect({ url, status: (await get(url)).statusCode }).toEqual({ url, status: 404 });
    }
  });

  it('answers 304 to If-None-Match with the current ETag, for the page and for assets', async () => {
    const page = await get('/');
    const etag = page.headers.etag as string;
    expect(etag).toBeTruthy();
    expect((await get('/lain', { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await get('/', { 'if-none-match': '"lama"' })).statusCode).toBe(200);

    const script = await get('/assets/app-3f2a9c1b.js');
    expect(script.statusCode).toBe(200);
    const again = await get('/assets/app-3f2a9c1b.js', { 'if-none-match': script.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('sends the build’s brotli or gzip copy to browsers that take it, hashed assets cached for a year', async () => {
    const br = await get('/assets/app-3f2a9c1b.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.rawPayload.equals(brotliCompressSync(SCRIPT))).toBe(true);
    const gz = await get('/assets/app-3f2a9c1b.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/app-3f2a9c1b.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    const range = await get('/assets/app-3f2a9c1b.js', { range: 'bytes=0-6' });
    expect(range.statusCode).toBe(206);
    expect(range.body).toBe('console');
  });

  it('caches other files for an hour and marks them nosniff', async () => {
    const css = await get('/theme.css');
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['cache-control']).toBe('public, max-age=3600');
    expect(css.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never answers a missing file, a dotfile, a path outside the build or an API path with a page', async () => {
    expect((await get('/tidak-ada.js')).statusCode).toBe(404);
    expect((await get('/api/v1/tidak-ada')).statusCode).toBe(404);
    expect((await get('/metrics/x')).statusCode).toBe(404);
    // A dotfile is never sent: with an extension it is refused, without one it is a page path.
    expect([403, 404]).toContain((await get('/.kunci.txt')).statusCode);
    expect((await get('/.kunci.txt')).body).not.toContain('RAHASIA');
    expect((await get('/.env')).body).not.toContain('RAHASIA');
    for (const url of ['/assets/..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/package.json', '/..%5cindex.html']) {
      const response = await get(url);
      expect([400, 403, 404]).toContain(response.statusCode);
    }
  });

  it('says the pages are not built yet instead of failing', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'gateway-web-empty-'));
    const bare = Fastify();
    try {
      await registerWebApp(bare, empty);
      const response = await fetchRaw(await bare.listen({ port: 0, host: '127.0.0.1' }), '/beranda', {});
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('npm run build');
    } finally {
      await bare.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
