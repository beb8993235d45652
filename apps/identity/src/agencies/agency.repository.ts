import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '#lib/domain';
import type { AgencyRow } from './agency.rows.js';

export interface NewAgency {
  id: string;
  name: string;
  clientId: string;
  clientSecretHash: string;
  allowedFields: readonly string[];
  requestsPerMinute: number;
}

const AGENCY_COLUMNS = `account_id, name, client_id, client_secret_hash, allowed_fields, requests_per_minute,
  suspended_at, created_at`;

/** Agencies (lembaga pengguna): an AGENCY account plus the agreement that limits it. */
@Injectable()
export class AgencyRepository {
  constructor(private readonly db: DataSource) {}

  /** The account (whose name the access log shows) and the agreement, in one statement. */
  async insert(agency: NewAgency): Promise<AgencyRow> {
    const rows = await this.db.query<AgencyRow[]>(
      `WITH account_row AS (
         INSERT INTO account (id, role, full_name) VALUES ($1, $2, $3) RETURNING id)
       INSERT INTO agency (account_id, name, client_id, client_secret_hash, allowed_fields, requests_per_minute)
       SELECT id, $3, $4, $5, $6::text[], $7 FROM account_row
       RETURNING ${AGENCY_COLUMNS}`,
      [
        agency.id,
        Role.AGENCY,
        agency.name,
        agency.clientId,
        agency.clientSecretHash,
        agency.allowedFields,
        agency.requestsPerMinute,
      ],
    );
    return rows[0];
  }

  async findByClientId(clientId: string): Promise<AgencyRow | undefined> {
    const rows = await this.db.query<AgencyRow[]>(`SELECT ${AGENCY_COLUMNS} FROM agency WHERE client_id = $1`, [
      clientId,
    ]);
    return rows[0];
  }

  /** Agencies by account id, read fresh: a suspension must count from the very next request. */
  async findByIds(ids: readonly string[]): Promise<AgencyRow[]> {
    if (ids.length === 0) return [];
    return this.db.query<AgencyRow[]>(`SELECT ${AGENCY_COLUMNS} FROM agency WHERE account_id = ANY($1::uuid[])`, [ids]);
  }

  /** A page of agencies, by name. */
  async list(limit: number, offset: number): Promise<{ rows: AgencyRow[]; total: number }> {
    const [rows, counted] = await Promise.all([
      this.db.query<AgencyRow[]>(`SELECT ${AGENCY_COLUMNS} FROM agency ORDER BY name, account_id LIMIT $1 OFFSET $2`, [
        limit,
        offset,
      ]),
      this.db.query<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM agency`),
    ]);
    return { rows, total: counted[0].total };
  }

  /**
   * NIK checks counted per agency since `since`, from the per-minute quota rows: a range of the
   * primary key (agency, minute) for each agency, at most 1,440 rows a day each. Minutes the
   * sweep removed (older than a day) are never inside "today".
   */
  async checksSince(agencyIds: readonly string[], since: Date): Promise<Map<string, number>> {
    if (agencyIds.length === 0) return new Map();
    const rows = await this.db.query<Array<{ agency_id: string; checks: string }>>(
      `SELECT agency_id, sum(used)::text AS checks FROM agency_quota
        WHERE agency_id = ANY($1::uuid[]) AND window_start >= $2
        GROUP BY agency_id`,
      [agencyIds, since],
    );
    return new Map(rows.map((row) => [row.agency_id, Number(row.checks)]));
  }

  /** Suspends (or resumes) an agency; a repeated call keeps the first suspension's time. */
  async setSuspended(id: string, suspended: boolean): Promise<AgencyRow | undefined> {
    const rows = await this.db.query<AgencyRow[]>(
      `WITH changed AS (
         UPDATE agency SET suspended_at = CASE WHEN $2 THEN COALESCE(suspended_at, now()) END
          WHERE account_id = $1 RETURNING ${AGENCY_COLUMNS})
       SELECT * FROM changed`,
      [id, suspended],
    );
    return rows[0];
  }
}
