import type { Principal } from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';

/**
 * Whether an ADMIN may manage something of a regency (a staff account, its password, its access).
 * The single place for the ADMIN region scope of API.md: the first ADMIN is deployment-wide, an
 * ADMIN it creates acts within its own regency unless created deployment-wide. Today every ADMIN
 * is treated as deployment-wide; the regency scope is added here (branch `scope`), once, for
 * every caller.
 */
export function assertAdminMayManage(actor: Principal, _regencyCode: string | null): void {
  if (actor.role !== Role.ADMIN) {
    throw new DomainError('AUTH.FORBIDDEN', 'Hanya administrator yang dapat mengelola akun petugas');
  }
}
