import type { AppLogger } from '../logging/logger.js';
import { isDatabaseUnavailable } from '../nats/database-unavailable.js';

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
      if (!isDatabaseUnavailable(error) || Date.now() > deadline) throw error;
      const delayMs = Math.min(2000, 250 * attempt);
      logger.warn({ err: error, attempt, delayMs }, 'Database not available yet; waiting');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
