import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface QuotaUse {
  agencyId: string;
  /** This minute's count after adding the cost. */
  used: number;
  windowStart: Date;
  /** Until the window ends: the Retry-After of a refusal. */
  secondsLeft: number;
}

/**
 * Per-agency, per-minute counters of NIK checks in the identity database, so every replica of
 * every service counts against the same number. Each group of checks adds its cost in one
 * statement (rows locked in id order, so two replicas never deadlock); the window is the
 * database clock's minute.
 */
@Injectable()
export class AgencyQuotaRepository {
  constructor(private readonly db: DataSource) {}

  async add(costs: ReadonlyMap<string, number>): Promise<QuotaUse[]> {
    const ids = [...costs.keys()].sort();
    const rows = await this.db.query<
      Array<{ agency_id: string; used: string; window_start: Date; seconds_left: number }>
    >(
      `WITH counted AS (
         INSERT INTO agency_quota AS q (agency_id, window_start, used)
         SELECT c.agency_id, date_trunc('minute', now()), c.cost
           FROM unnest($1::uuid[], $2::bigint[]) AS c(agency_id, cost)
         ON CONFLICT (agency_id, window_start) DO UPDATE SET used = q.used + EXCLUDED.used
         RETURNING q.agency_id, q.used, q.window_start)
       SELECT agency_id, used::text AS used, window_start,
              greatest(1, ceil(extract(epoch FROM window_start + interval '1 minute' - now())))::int AS seconds_left
         FROM counted`,
      [ids, ids.map((id) => costs.get(id))],
    );
    if (Math.random() < 0.001) {
      await this.db.query(`DELETE FROM agency_quota WHERE window_start < now() - interval '1 day'`);
    }
    return rows.map((row) => ({
      agencyId: row.agency_id,
      used: Number(row.used),
      windowStart: row.window_start,
      secondsLeft: row.seconds_left,
    }));
  }

  /** Gives back what was counted for checks that were then refused. */
  async refund(agencyId: string, windowStart: Date, amount: number): Promise<void> {
    await this.db.query(
      `UPDATE agency_quota SET used = greatest(0, used - $3) WHERE agency_id = $1 AND window_start = $2`,
      [agencyId, windowStart, amount],
    );
  }
}
