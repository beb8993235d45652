import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendStaticFile } from '../http/static-files.js';

/**
 * Where `vite build` puts the web pages: `<repo>/dist/web`. From the sources
 * (`apps/gateway/src/web`) and from the compiled gateway (`dist/apps/gateway/src/web`) that is
 * the same four levels up, so tests, `npm start` and the container all find it.
 */
export function webRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../../../../dist/web'), path.resolve(here, '../../../../web')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[0];
}

/** Paths the single-page app never answers: the API, metrics, the QR page and the API docs. */
const RESERVED = [/^\/api(\/|$)/, /^\/metrics(\/|$)/, /^\/verifikasi(\/|$)/];

export function isReservedPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '/';
  return RESERVED.some((pattern) => pattern.test(pathname));
}

// Hashed file names under /assets never change content: a year in the browser's cache.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// index.html names the current hashed files: always revalidated.
const REVALIDATE = 'no-cache';

/**
 * Serves the built web pages at `/`: files that exist are sent as they are, any other path
 * without a file extension gets index.html (the page's own router draws the screen: history
 * fallback). Registered as a catch-all, so every API route stays more specific and wins; a
 * reserved path that reaches it is the API's own 404.
 */
export function registerWebApp(fastify: FastifyInstance, root: string = webRoot()): void {
  const indexFile = path.join(root, 'index.html');
  let indexHtml: Buffer | undefined;
  const index = (): Buffer | undefined => {
    if (indexHtml === undefined && existsSync(indexFile)) indexHtml = readFileSync(indexFile);
    return indexHtml;
  };

  const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    if (isReservedPath(request.url)) return notFound(reply);
    const relative = decodeURIComponent((request.params as { '*': string })['*'] ?? '');
    if (relative !== '' && (await sendPrecompressed(request, reply, root, relative))) return reply;
    if (relative !== '' && (await sendStaticFile(reply, root, relative, cacheFor(relative)))) return reply;
    if (path.extname(relative) !== '') return notFound(reply);
    const html = index();
    if (html === undefined) {
      return reply
        .status(503)
        .header('content-type', 'text/plain; charset=utf-8')
        .send('Halaman web belum dibangun: jalankan `npm run build`.');
    }
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', REVALIDATE)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .header(
        'content-security-policy',
        // Everything comes from the gateway itself: no CDN, no font service (intranet).
        "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; frame-src 'self' blob:; " +
          "style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'self'; form-action 'self'",
      )
      .send(html);
  };
  fastify.get('/', handler);
  fastify.get('/*', handler);
}

const COMPRESSIBLE: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The build's `.gz` copy of a script or style sheet, for a browser that accepts gzip. */
async function sendPrecompressed(
  request: FastifyRequest,
  reply: FastifyReply,
  root: string,
  relative: string,
): Promise<boolean> {
  const type = COMPRESSIBLE[path.extname(relative).toLowerCase()];
  const accepts = request.headers['accept-encoding'];
  if (type === undefined || typeof accepts !== 'string' || !/\bgzip\b/.test(accepts)) return false;
  const resolvedRoot = path.resolve(root);
  const file = path.resolve(resolvedRoot, `.${path.posix.normalize(`/${relative}`)}.gz`);
  if (!file.startsWith(resolvedRoot + path.sep)) return false;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  void reply
    .header('content-type', type)
    .header('content-encoding', 'gzip')
    .header('vary', 'accept-encoding')
    .header('content-length', info.size)
    .header('cache-control', cacheFor(relative))
    .header('x-content-type-options', 'nosniff')
    .send(createReadStream(file));
  return true;
}

function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

function cacheFor(relative: string): string {
  return relative.startsWith('assets/') ? IMMUTABLE : 'public, max-age=3600';
}
