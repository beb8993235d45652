import helmet from 'helmet';
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The security headers of every response the gateway sends (issue #13, ASVS V14.4): HSTS,
 * `nosniff`, `X-Frame-Options: DENY`, `Referrer-Policy: no-referrer` and a Content Security
 * Policy with `frame-ancestors 'none'` (nobody may frame the staff console or a QR page), set by
 * helmet on every request before any route runs — API answers, the web pages, the QR page, the
 * API docs and the error answers alike.
 *
 * One policy for the web app and the API: everything from the gateway itself (no CDN, no font
 * service: it works on an intranet), the evidence shown in the staff console as `blob:` frames
 * and images. Pages with an inline `<style>` of their own (the QR page) send their own policy
 * with the style's hash; the API docs (Swagger UI) may use inline styles, nothing else.
 */
export const APP_CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'object-src': ["'none'"],
  'frame-src': ["'self'", 'blob:'],
  'style-src': ["'self'"],
  'script-src': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

function policyOf(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export const APP_CSP = policyOf(APP_CSP_DIRECTIVES);

/** Swagger UI's page has inline `<style>` blocks; its scripts are files of its own. */
export const API_DOCS_CSP = policyOf({
  ...APP_CSP_DIRECTIVES,
  'style-src': ["'self'", "'unsafe-inline'"],
  'frame-src': ["'none'"],
});

/** A page of server-rendered HTML with one inline stylesheet and no script at all. */
export function staticPageCsp(inlineStyle: string): string {
  const hash = createHash('sha256').update(inlineStyle, 'utf8').digest('base64');
  return policyOf({
    'default-src': ["'none'"],
    'style-src': ["'self'", `'sha256-${hash}'`],
    'img-src': ["'self'", 'data:'],
    'script-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  });
}

/**
 * A file given back as it was uploaded (evidence): never rendered as a page of this origin,
 * whatever its bytes say — no script, no plugin, a sandbox, not framed.
 */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'";

const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * Registers helmet for every route of the gateway; the API docs get their own policy. Helmet's
 * middleware is built once here and run on each request: @fastify/helmet 13 built it again for
 * every request (the CSP directives parsed each time), ≈ 5 % of the gateway's CPU per
 * verification (docs/benchmarks.md). The headers are the same.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, docsPrefix: string): void {
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...APP_CSP_DIRECTIVES } },
    strictTransportSecurity: { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    xContentTypeOptions: true,
    // Cross-origin isolation would stop agencies' browser tools for nothing: the API is Bearer-only.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === docsPrefix || path.startsWith(`${docsPrefix}/`))
      void reply.header('content-security-policy', API_DOCS_CSP);
    return payload;
  });
}

/**
 * The same headers for an answer written before any hook runs (Fastify's bad-URL answer), so
 * that even a refused request leaves with them.
 */
export function securityHeadersOf(): Record<string, string> {
  return {
    'content-security-policy': APP_CSP,
    'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
}
