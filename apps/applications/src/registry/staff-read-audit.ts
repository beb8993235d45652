import { Injectable } from '@nestjs/common';
import { IdentityRpc, type ApplicationView, type Principal, type StaffReadEndpoint } from '#lib/contracts';
import { STAFF_ROLES, type Role } from '#lib/domain';
import { RpcClient } from '#lib/platform/rpc';

const STAFF: readonly Role[] = STAFF_ROLES;
const NIK = /^\d{16}$/;

/** Every NIK an application names: the applicant's, and those in its details (parents, members, witnesses…). */
export function niksOfApplication(view: Pick<ApplicationView, 'applicantNik' | 'details'>): string[] {
  const found = new Set<string>([view.applicantNik]);
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (/nik/i.test(key) && NIK.test(value)) found.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key);
    } else if (typeof value === 'object' && value !== null) {
      for (const [name, inner] of Object.entries(value)) walk(inner, name);
    }
  };
  walk(view.details, '');
  return [...found];
}

/**
 * A staff member's read of an application or its evidence is a read of the people it names:
 * each appears in their own `GET /me/access-log` (UU 27/2022). Identity keeps that log; this
 * reports the read to it over NATS on the staff member's own forwarded token (identity takes
 * the actor from the token, never from this body), and the read is answered only once the
 * entries are in the chain — a read that cannot be logged is not served.
 */
@Injectable()
export class StaffReadAudit {
  constructor(private readonly rpc: RpcClient) {}

  async applicationRead(principal: Principal, view: ApplicationView, endpoint: StaffReadEndpoint): Promise<void> {
    if (!STAFF.includes(principal.role)) return;
    await this.rpc.call(
      IdentityRpc.ACCESS_LOG_RECORD_STAFF_READ,
      { principal, subjectNiks: niksOfApplication(view), endpoint },
      { passCodes: [] },
    );
  }
}
