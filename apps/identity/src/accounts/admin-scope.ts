import type { Principal } from '#lib/contracts';
import { adminMayManage as mayManage, DomainError, isDeploymentAdmin, Role } from '#lib/domain';

/**
 * The ADMIN scope rule for identity's writes and reads (docs/security.md "Administration scope
 * and four-eyes"). The rule itself is libs/domain's `adminMayManage`, shared with documents:
 * the first ADMIN is deployment-wide, any other acts within its own regency unless it was
 * created with `"scope": "DEPLOYMENT"`.
 */
export function adminMayManage(actor: Principal, regencyCode: string | null | undefined): boolean {
  return mayManage(actor, regencyCode);
}

/** 403 unless `actor` is an ADMIN that may manage `regencyCode`; `what` says what was refused. */
export function assertAdminMayManage(
  actor: Principal,
  regencyCode: string | null | undefined,
  what = 'mengelola data wilayah ini',
): void {
  if (actor.role !== Role.ADMIN) {
    throw new DomainError('AUTH.FORBIDDEN', 'Hanya administrator yang dapat melakukan tindakan ini');
  }
  if (!mayManage(actor, regencyCode)) {
    throw new DomainError(
      'ADMIN.OUT_OF_SCOPE',
      `Administrator kabupaten/kota ${actor.regencyCode ?? '-'} tidak berwenang ${what} di luar wilayahnya ` +
        `(${regencyCode ?? 'wilayah tidak diketahui'}); hubungi administrator tingkat deployment`,
      { details: { adminRegencyCode: actor.regencyCode, regencyCode } },
    );
  }
}

/**
 * 403 unless `actor` is a deployment-wide ADMIN: agencies (lembaga pengguna) serve the whole
 * deployment, so only such an ADMIN creates, suspends, resumes or lists them.
 */
export function assertDeploymentAdmin(actor: Principal, what = 'mengelola lembaga pengguna'): void {
  if (actor.role !== Role.ADMIN) {
    throw new DomainError('AUTH.FORBIDDEN', 'Hanya administrator yang dapat melakukan tindakan ini');
  }
  if (!isDeploymentAdmin(actor)) {
    throw new DomainError(
      'ADMIN.OUT_OF_SCOPE',
      `Hanya administrator tingkat deployment yang dapat ${what}; administrator kabupaten/kota tidak berwenang`,
    );
  }
}
