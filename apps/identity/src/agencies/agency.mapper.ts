import type { AgencyView, VerificationField } from '#lib/contracts';
import type { AgencyRow } from './agency.rows.js';

/** What an ADMIN sees of an agency: never the secret's hash. */
export function toAgencyView(row: AgencyRow): AgencyView {
  const view: AgencyView = {
    id: row.account_id,
    name: row.name,
    clientId: row.client_id,
    allowedFields: row.allowed_fields as VerificationField[],
    requestsPerMinute: row.requests_per_minute,
    suspended: row.suspended_at !== null,
    createdAt: row.created_at.toISOString(),
  };
  if (row.suspended_at !== null) view.suspendedAt = row.suspended_at.toISOString();
  return view;
}
