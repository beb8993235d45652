import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_CSP } from '../http/security-headers.js';

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
// index.html names the current hashed files: always revalidated (its ETag makes that a 304).
const REVALIDATE = 'no-cache';
const OTHER_FILES = 'public, max-age=3600';
/**
 * A page path of the app (`/permohonan/baru`, `/verifikasi-dokumen`) or a file of the build:
 * plain ASCII path characters, no `..`. Anything else (`%`, NUL, a backslash, unicode) is no
 * page of ours and no file: 404, before @fastify/static decodes it a second time.
 */
const PAGE_PATH = /^(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*)?$/;

/**
 * The policy for index.html: the app's policy (helmet's, http/security-headers.ts, with
 * `frame-ancestors 'none'`) plus exactly the inline `<style>` and `<script>` blocks the build put
 * into it (the first screen, apps/web/vite.config.mjs), allowed by their SHA-256, never
 * 'unsafe-inline'. Without a built page, the app's policy alone.
 */
export function pagePolicy(indexFile: string): string {
  let html: string;
  try {
    html = readFileSync(indexFile, 'utf8');
  } catch {
    return APP_CSP;
  }
  const hashes = (tag: string): string =>
    [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))]
      .map(
        (block) =>
          ` 'sha256-${createHash('sha256')
            .update(block[1] ?? '', 'utf8')
            .digest('base64')}'`,
      )
      .join('');
  return APP_CSP.replace("style-src 'self'", `style-src 'self'${hashes('style')}`).replace(
    "script-src 'self'",
    `script-src 'self'${hashes('script')}`,
  );
}

/**
 * What a page request needs to know of the built index.html (whether it is there, its policy),
 * worked out once rather than on every request. The build of a running gateway does not change
 * in production; in development (`watch`) a rebuild of the pages is seen by watching the build's
 * folder, and the page is looked at again on the next request. While no page is built it is
 * looked for again on each request, so a gateway started before `npm run build` serves the pages
 * once they are there.
 */
export class BuiltPage {
  private known: { built: boolean; policy: string } | undefined;
  private readonly watcher: FSWatcher | undefined;

  constructor(
    private readonly indexFile: string,
    watch: boolean,
  ) {
    this.watcher = watch ? this.watchBuild() : undefined;
    this.current();
  }

  get built(): boolean {
    return this.current().built;
  }

  get policy(): string {
    return this.current().policy;
  }

  close(): void {
    this.watcher?.close();
  }

  private current(): { built: boolean; policy: string } {
    if (this.known?.built !== true) {
      const built = existsSync(this.indexFile);
      this.known = { built, policy: built ? pagePolicy(this.indexFile) : APP_CSP };
    }
    return this.known;
  }

  private watchBuild(): FSWatcher | undefined {
    const name = path.basename(this.indexFile);
    try {
      // The folder, not the file: `vite build` empties it and writes a new index.html.
      const watcher = watch(path.dirname(this.indexFile), { persistent: false }, (_event, file) => {
        if (file === null || file === name) this.known = undefined;
      });
      // A folder removed under the watcher: the page is looked for on each request again.
      watcher.on('error', () => {
        this.known = undefined;
        watcher.close();
      });
      return watcher;
    } catch {
      return undefined; // no folder yet: looked for on each request until built
    }
  }
}

/**
 * Cache headers of a file of the build, by its path inside `root`, and index.html's own policy
 * (pagePolicy). The other security headers (HSTS, nosniff, frame options, ...) are helmet's, on
 * every response (http/security-headers.ts).
 */
function setHeaders(root: string, page: BuiltPage) {
  return (reply: FastifyReply, file: string): void => {
    // The build's compressed copy (index.html.gz) carries the headers of the file it copies.
    const relative = path
      .relative(root, file)
      .split(path.sep)
      .join('/')
      .replace(/\.(gz|br)$/, '');
    if (relative === 'index.html') {
      void reply.header('cache-control', REVALIDATE).header('content-security-policy', page.policy);
    } else {
      void reply.header('cache-control', relative.startsWith('assets/') ? IMMUTABLE : OTHER_FILES);
    }
  };
}

/**
 * Serves the built web pages at `/` through @fastify/static: files as they are (the build's
 * `.br`/`.gz` copy when the browser accepts it, ETag and Last-Modified with 304s, ranges), and
 * any other path without a file extension gets index.html (the page's own router draws the
 * screen: history fallback). Registered as a catch-all, so every API route stays more specific
 * and wins; a reserved path that reaches it is the API's own 404.
 */
export async function registerWebApp(
  fastify: FastifyInstance,
  root: string = webRoot(),
  options: { watch?: boolean } = {},
): Promise<void> {
  const resolvedRoot = path.resolve(root);
  const page = new BuiltPage(path.join(resolvedRoot, 'index.html'), options.watch ?? false);
  fastify.addHook('onClose', (_instance, done) => {
    page.close();
    done();
  });
  await fastify.register(fastifyStatic, {
    root: resolvedRoot,
    // Only `reply.sendFile` here: the routes are the catch-all below, which knows the fallback.
    serve: false,
    preCompressed: true,
    // Our own cache-control per file (setHeaders); send's default would say max-age=0.
    cacheControl: false,
    dotfiles: 'deny',
    index: false,
    setHeaders: setHeaders(resolvedRoot, page),
    // Missing before `npm run build`; the fallback below says so.
    suppressWarning: true,
  });

  const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    if (isReservedPath(request.url)) return notFound(reply);
    const relative = (request.params as { '*'?: string })['*'] ?? '';
    if (!PAGE_PATH.test(relative) || relative.length > 512) return notFound(reply);
    // A file of the build, or its 404: a missing script must not be answered with a page.
    if (path.extname(relative) !== '') return reply.sendFile(relative);
    if (!page.built) {
      return reply
        .status(503)
        .header('content-type', 'text/plain; charset=utf-8')
        .send('Halaman web belum dibangun: jalankan `npm run build`.');
    }
    return reply.sendFile('index.html');
  };
  fastify.get('/', handler);
  fastify.get('/*', handler);
}

function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}
