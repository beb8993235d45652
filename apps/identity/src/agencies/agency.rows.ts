/** A row of the `agency` table (created by the first migration), as its repository reads it. */
export interface AgencyRow {
  account_id: string;
  name: string;
  client_id: string;
  client_secret_hash: string;
  allowed_fields: string[];
  requests_per_minute: number;
  suspended_at: Date | null;
  created_at: Date;
}
