import { Injectable } from '@nestjs/common';
import { IdentityRpc, type Principal, type StaffReadEndpoint } from '#lib/contracts';
import { STAFF_ROLES, type Role } from '#lib/domain';
import { RpcClient } from '#lib/platform/rpc';

const STAFF: readonly Role[] = STAFF_ROLES;

/**
 * A staff member's read of an issued document is a read of the people on it: each appears in
 * their own `GET /me/access-log`. Reported to identity (which keeps the hash-chained log) on
 * the staff member's forwarded token; the document is served only once the entries are written.
 */
@Injectable()
export class StaffReadAudit {
  constructor(private readonly rpc: RpcClient) {}

  async documentRead(principal: Principal, memberNiks: readonly string[], endpoint: StaffReadEndpoint): Promise<void> {
    if (!STAFF.includes(principal.role) || memberNiks.length === 0) return;
    await this.rpc.call(
      IdentityRpc.ACCESS_LOG_RECORD_STAFF_READ,
      { principal, subjectNiks: [...new Set(memberNiks)], endpoint },
      { passCodes: [] },
    );
  }
}
