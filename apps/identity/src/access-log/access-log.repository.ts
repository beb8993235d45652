import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessActorType } from '#lib/contracts';

export interface AccessLogEntry {
  subjectNiks: readonly string[];
  actorType: AccessActorType;
  actorId: string;
  purpose: string;
  fields: readonly string[];
  endpoint: string;
  correlationId?: string;
}

export interface AccessLogRow {
  at: Date;
  actor_name: string;
  actor_type: AccessActorType;
  purpose: string;
  fields: string[];
}

@Injectable()
export class AccessLogRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * One row per person read, in one statement. The actor's display name is copied from the
   * account at the time of the read, so the log still says who it was if the account changes.
   */
  async append(entry: AccessLogEntry): Promise<void> {
    if (entry.subjectNiks.length === 0) return;
    await this.db.query(
      `INSERT INTO access_log (subject_nik, actor_type, actor_id, actor_name, purpose, fields, endpoint, correlation_id)
       SELECT s.nik, $2, $3,
              COALESCE((SELECT COALESCE(a.full_name, a.username) FROM account a WHERE a.id = $3), 'Akun tidak dikenal'),
              $4, $5::text[], $6, $7
         FROM unnest($1::char(16)[]) AS s(nik)`,
      [
        entry.subjectNiks,
        entry.actorType,
        entry.actorId,
        entry.purpose,
        entry.fields,
        entry.endpoint,
        entry.correlationId ?? null,
      ],
    );
  }

  /** Reads of one person's record, newest first. */
  async listForSubject(nik: string, limit: number, offset: number): Promise<{ rows: AccessLogRow[]; total: number }> {
    const [rows, counts] = await Promise.all([
      this.db.query<AccessLogRow[]>(
        `SELECT at, actor_name, actor_type, purpose, fields FROM access_log
          WHERE subject_nik = $1 ORDER BY at DESC, id DESC LIMIT $2 OFFSET $3`,
        [nik, limit, offset],
      ),
      this.db.query<Array<{ total: string }>>(`SELECT count(*) AS total FROM access_log WHERE subject_nik = $1`, [nik]),
    ]);
    return { rows, total: Number(counts[0]?.total ?? 0) };
  }
}
