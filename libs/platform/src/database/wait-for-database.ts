import type { AppLogger } from '../logging/logger.js';

/** PostgreSQL not there yet: refused, restarting, recovering, or the connection cut mid-start. */
export function isDatabaseStarting(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  // 57P03 cannot_connect_now ("the database system is starting up"), 57P01 admin_shutdown,
  // 57P02 crash_shutdown (another backend crashed; the server restarts).
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03'].includes(code)) {
    return true;
  }
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout expired|timeout exceeded when trying to connect|ECONNREFUSED/i.test(message)
  );
}

/**
 * Runs `step` (opening the database, migrating) again while PostgreSQL is starting or
 * restarting, for up to `timeoutMs`, instead of letting the process die: a restart of the
 * database then costs a pause, not a restart of every service (which takes far longer on a
 * busy machine). Any other error fails at once.
 */
export async function whileDatabaseStarts<T>(
  step: () => Promise<T>,
  logger: AppLogger,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!isDatabaseStarting(error) || Date.now() > deadline) throw error;
      const delayMs = Math.min(2000, 250 * attempt);
      logger.warn({ err: error, attempt, delayMs }, 'Database not available yet; waiting');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
