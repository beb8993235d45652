import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ThrottleRule {
  key: string;
  maxFailures: number;
}

/**
 * Failed-login counters in the database, shared by every replica. A key (a username, a client
 * address) with `maxFailures` failures inside the window is locked for a while; the counts
 * restart when the window has passed.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly db: DataSource) {}

  /** Seconds until the longest current lock of these keys ends; 0 when none is locked. */
  async lockedForSeconds(keys: readonly string[]): Promise<number> {
    const rows = await this.db.query<Array<{ seconds: string | null }>>(
      `SELECT ceil(extract(epoch FROM max(locked_until) - now())) AS seconds
         FROM login_throttle WHERE key = ANY($1::varchar[]) AND locked_until > now()`,
      [keys],
    );
    return Math.max(0, Number(rows[0]?.seconds ?? 0));
  }

  async recordFailure(rules: readonly ThrottleRule[], windowSeconds: number, lockSeconds: number): Promise<void> {
    await this.db.query(
      `INSERT INTO login_throttle AS t (key, failures, window_started_at, locked_until)
       SELECT r.key, 1, now(), CASE WHEN r.max_failures <= 1 THEN now() + make_interval(secs => $4) END
         FROM unnest($1::varchar[], $2::int[]) AS r(key, max_failures)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $3)
                                  THEN now() ELSE t.window_started_at END,
         locked_until = CASE
           WHEN (CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END)
                >= (SELECT r.max_failures FROM unnest($1::varchar[], $2::int[]) AS r(key, max_failures) WHERE r.key = t.key)
           THEN now() + make_interval(secs => $4)
           ELSE t.locked_until END`,
      [rules.map((rule) => rule.key), rules.map((rule) => rule.maxFailures), windowSeconds, lockSeconds],
    );
  }

  /** After a successful login the username starts afresh; stale counters are swept now and then. */
  async clear(key: string, windowSeconds: number): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
    if (Math.random() < 0.01) {
      await this.db.query(
        `DELETE FROM login_throttle
          WHERE window_started_at < now() - make_interval(secs => $1) AND (locked_until IS NULL OR locked_until < now())`,
        [windowSeconds],
      );
    }
  }
}
