/**
 * (Pure: no driver import, so the gateway, which reaches no database, may load the filter.)
 *
 * Whether an error means "the database cannot take this now" rather than "this request is
 * wrong": the pool waited too long for a connection, PostgreSQL has too many clients or is
 * shutting down or starting, the connection broke. Such a failure is 503 (retry later), not a
 * 500 (a bug) — the client did nothing wrong and a retry may well succeed (issue #13).
 *
 * The one test of "the database is away" for the whole platform: RpcErrorFilter and
 * PlainRpcServer answer it SERVICE.UNAVAILABLE, whileDatabaseStarts waits through it at start-up,
 * and EventConsumer runs the handler again in place instead of dead-lettering the event.
 */

/** SQLSTATE classes/codes of an unavailable server (PostgreSQL appendix A). */
const UNAVAILABLE_SQLSTATES = new Set([
  '53300', // too_many_connections
  '53000', // insufficient_resources
  '53200', // out_of_memory
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovery)
  '57014', // query_canceled (statement_timeout)
  '58000', // system_error
  '58030', // io_error
]);

const UNAVAILABLE_SYSCALL_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** node-postgres / pg-pool messages of a pool or connection that cannot serve. */
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i, // pg-pool: no connection free in time
  /timeout expired/i, // pg Client: connectionTimeoutMillis passed while connecting
  /ECONNREFUSED/, // a refusal some wrapper re-threw without its code
  /Connection terminated/i,
  /connection timeout/i,
  /Client has encountered a connection error/i,
  /Cannot use a pool after calling end/i,
  /sorry, too many clients already/i,
  /remaining connection slots are reserved/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const code = codeOf(error);
  if (code !== undefined) {
    // SQLSTATE class 08: connection exception.
    if (UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    if (UNAVAILABLE_SYSCALL_CODES.has(code)) return true;
  }
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  // TypeORM wraps the driver's error (QueryFailedError.driverError); Node wraps causes.
  const inner = error as { driverError?: unknown; cause?: unknown };
  return isDatabaseUnavailable(inner.driverError, depth + 1) || isDatabaseUnavailable(inner.cause, depth + 1);
}
