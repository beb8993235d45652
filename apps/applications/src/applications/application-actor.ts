import type { Principal } from '#lib/contracts';
import { APPLICATION_TRANSITIONS, DomainError, maskNik, Role, type ApplicationAction } from '#lib/domain';

/** How a history row names who acted: a staff username, or the resident's NIK masked. */
export function actorLabel(principal: Principal): string {
  if (principal.role === Role.RESIDENT && principal.nik !== undefined) return maskNik(principal.nik);
  return principal.username ?? principal.role;
}

/** The history name of the system's own steps (issuing once the documents exist). */
export const SYSTEM_ACTOR_LABEL = 'SISTEM';

/**
 * 403 before anything is looked up when the caller's role may never take this action, so a
 * wrong role learns nothing about which applications exist.
 */
export function assertRoleMayEver(action: ApplicationAction, principal: Principal): void {
  const transition = APPLICATION_TRANSITIONS.find((t) => t.action === action);
  if (transition === undefined || !transition.roles.includes(principal.role)) {
    throw new DomainError('APPLICATION.ROLE_NOT_ALLOWED', 'Peran Anda tidak berhak melakukan tindakan ini', {
      details: { action, role: principal.role },
    });
  }
}

export function applicationNotFound(): DomainError {
  return new DomainError('APPLICATION.NOT_FOUND', 'Permohonan tidak ditemukan');
}

/** A resident's own NIK, which every application they make is under. */
export function residentNik(principal: Principal): string {
  if (principal.role !== Role.RESIDENT || principal.nik === undefined) {
    throw new DomainError('APPLICATION.ROLE_NOT_ALLOWED', 'Hanya penduduk yang dapat mengajukan permohonan');
  }
  return principal.nik;
}
