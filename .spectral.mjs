// Spectral's rules for docs/openapi.json (`npm run openapi`, scripts/lib/spectral-lint.mjs): its
// OpenAPI rules and the OWASP API Security Top 10 (2023) ruleset, both loaded from node_modules
// so the lint runs offline. Every rule switched off is listed here with the reason.
import owasp from '@stoplight/spectral-owasp-ruleset';
import { oas } from '@stoplight/spectral-rulesets';

export default {
  extends: [[oas, 'recommended'], owasp],
  rules: {
    // The gateway sends no RateLimit-* headers: its limits are the agencies' per-minute quota and
    // the sign-in throttles, and an operation that enforces one documents its 429 with Retry-After
    // (owasp:api4:2023-rate-limit-retry-after stays on). Declaring headers it never sends would
    // make generated clients wait for them.
    'owasp:api4:2023-rate-limit': 'off',
    // Only the throttled operations (register, login, the verifications) can answer 429, and they
    // say so; the others have no limit to document.
    'owasp:api4:2023-rate-limit-responses-429': 'off',
    // Free text (names, addresses, reasons, purposes) has no pattern; every string has maxLength
    // (owasp:api4:2023-string-limit stays on, as an error).
    'owasp:api4:2023-string-restricted': 'off',
    // The unauthenticated operations are exactly how a caller gets credentials (register, login,
    // token) and what must work without them (the public document check, regions, health); the
    // document builder refuses any other operation without security (PUBLIC_OPERATIONS in
    // apps/gateway/src/docs/openapi-document.ts).
    'owasp:api2:2023-write-restricted': 'off',
    'owasp:api2:2023-read-restricted': 'off',
    // Those public operations never answer 401.
    'owasp:api8:2023-define-error-responses-401': 'off',
    // Operations without any input (GET /me, /me/family, /health) cannot answer 400 or 422.
    'owasp:api8:2023-define-error-validation': 'off',
    // The API is not offered cross-origin: the web pages are served by the gateway itself and
    // agencies call it server to server; the gateway sends no CORS headers.
    'owasp:api8:2023-define-cors-origin': 'off',
    // GET /public/documents/{token}: the token printed in a document's QR code, there for anyone
    // holding the paper to check it; it grants nothing but that check.
    'owasp:api2:2023-no-credentials-in-url': 'off',
    // The health report's `checks` is a map keyed by component name (its values are closed
    // schemas, at most 50 entries); every request schema has additionalProperties: false.
    'owasp:api3:2023-no-additionalProperties': 'off',
  },
};
