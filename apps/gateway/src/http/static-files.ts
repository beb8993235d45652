import type { FastifyInstance, FastifyReply } from 'fastify';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Sends a file from `root` when `relative` names one inside it (never outside: `..` and
 * absolute paths are refused). Resolves false when there is no such file, so the caller can
 * answer 404 its own way. Small on purpose: the gateway serves a handful of built assets.
 */
export async function sendStaticFile(
  reply: FastifyReply,
  root: string,
  relative: string,
  cacheControl = 'public, max-age=3600',
): Promise<boolean> {
  const resolvedRoot = path.resolve(root);
  const file = path.resolve(resolvedRoot, `.${path.posix.normalize(`/${relative}`)}`);
  if (file !== resolvedRoot && !file.startsWith(resolvedRoot + path.sep)) return false;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  void reply
    .header('content-type', type)
    .header('content-length', info.size)
    .header('cache-control', cacheControl)
    .header('x-content-type-options', 'nosniff')
    .send(createReadStream(file));
  return true;
}

/** Serves every file under `root` at `prefix/*`. */
export function registerStaticFolder(fastify: FastifyInstance, prefix: string, root: string): void {
  fastify.get(`${prefix}/*`, async (request, reply) => {
    const relative = (request.params as { '*': string })['*'];
    if (!(await sendStaticFile(reply, root, relative))) reply.callNotFound();
    return reply;
  });
}
