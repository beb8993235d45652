import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ThrottleRule {
  key: string;
  /** Failures within the window before each further attempt under this key must wait. */
  threshold: number;
}

export interface ThrottlePolicy {
  windowSeconds: number;
  /** The first wait; each further failure doubles it, up to `maxDelaySeconds`. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

/**
 * Failed attempts (sign-in, second factor, registration) counted in the database, shared by
 * every replica. Past a key's threshold each failure makes the next attempt under that key wait
 * (a progressive delay, doubling up to a cap), never a lock: when the wait is over, the right
 * password works again. Attempts during a wait are refused without being checked or counted,
 * so a stranger cannot stretch someone else's wait beyond one delay at a time.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly db: DataSource) {}

  /** Seconds until the longest current wait of these keys ends; 0 when none must wait. */
  async waitSeconds(keys: readonly string[]): Promise<number> {
    const rows = await this.db.query<Array<{ seconds: string | null }>>(
      `SELECT ceil(extract(epoch FROM max(locked_until) - now())) AS seconds
         FROM login_throttle WHERE key = ANY($1::varchar[]) AND locked_until > now()`,
      [keys],
    );
    return Math.max(0, Number(rows[0]?.seconds ?? 0));
  }

  /** Counts a failure under each key; the wait it imposes now (0 when none). */
  async recordFailure(rules: readonly ThrottleRule[], policy: ThrottlePolicy): Promise<number> {
    const counted = await this.db.query<Array<{ key: string; failures: number }>>(
      `WITH changed AS (INSERT INTO login_throttle AS t (key, failures, window_started_at, locked_until)
       SELECT key, 1, now(), NULL FROM unnest($1::varchar[]) AS key
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $2) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $2)
                                  THEN now() ELSE t.window_started_at END
       RETURNING t.key, t.failures) SELECT * FROM changed`,
      [rules.map((rule) => rule.key), policy.windowSeconds],
    );
    const waits = new Map<string, number>();
    for (const { key, failures } of counted) {
      const rule = rules.find((candidate) => candidate.key === key);
      if (rule === undefined || failures < rule.threshold) continue;
      const over = Math.min(failures - rule.threshold, 20);
      waits.set(key, Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** over));
    }
    if (waits.size === 0) return 0;
    await this.db.query(
      `UPDATE login_throttle AS t SET locked_until = now() + make_interval(secs => w.seconds)
         FROM unnest($1::varchar[], $2::float8[]) AS w(key, seconds) WHERE t.key = w.key`,
      [[...waits.keys()], [...waits.values()]],
    );
    return Math.ceil(Math.max(...waits.values()));
  }

  /** After a success these keys start afresh; stale counters are swept now and then. */
  async clear(keys: readonly string[], windowSeconds: number): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE key = ANY($1::varchar[])`, [keys]);
    if (Math.random() < 0.01) {
      await this.db.query(
        `DELETE FROM login_throttle
          WHERE window_started_at < now() - make_interval(secs => $1) AND (locked_until IS NULL OR locked_until < now())`,
        [windowSeconds],
      );
    }
  }
}
