import { Role, ROLE_LABELS } from '../enums/services.js';
import { DomainError } from '../errors/index.js';
import { isSamePerson, type StaffPerson } from '../access/staff-scope.js';

/**
 * The life cycle of an application (DOMAIN.md "Application life cycle"): one plain table of
 * who may take which action from which status, and one function that checks a step against
 * it. Services call {@link applyAction} before writing; the gateway's problem filter turns its
 * errors into 409 (with the actions allowed now) or 403.
 *
 * The table knows roles only. Whether this resident owns this application, or this clerk works
 * in its regency, is a question about data the caller answers before asking the table.
 */

export const ApplicationStatus = {
  SUBMITTED: 'SUBMITTED',
  VERIFIED: 'VERIFIED',
  APPROVED: 'APPROVED',
  ISSUED: 'ISSUED',
  REVISION_REQUESTED: 'REVISION_REQUESTED',
  REJECTED: 'REJECTED',
  CANCELLED: 'CANCELLED',
} as const;
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];

/** For residents' screens and notices. */
export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  SUBMITTED: 'DIAJUKAN',
  VERIFIED: 'DIVERIFIKASI',
  APPROVED: 'DISETUJUI',
  ISSUED: 'DITERBITKAN',
  REVISION_REQUESTED: 'DIKEMBALIKAN UNTUK PERBAIKAN',
  REJECTED: 'DITOLAK',
  CANCELLED: 'DIBATALKAN',
};

/** Statuses no action leaves. */
export const FINAL_APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  ApplicationStatus.ISSUED,
  ApplicationStatus.REJECTED,
  ApplicationStatus.CANCELLED,
];

/** Action names are the verbs of the API paths (`POST /applications/{id}/verify`). */
export const ApplicationAction = {
  SUBMIT: 'submit',
  RESUBMIT: 'resubmit',
  CANCEL: 'cancel',
  VERIFY: 'verify',
  RETURN: 'return',
  REJECT: 'reject',
  APPROVE: 'approve',
  ISSUE: 'issue',
} as const;
export type ApplicationAction = (typeof ApplicationAction)[keyof typeof ApplicationAction];

/** Who acts: an account role, or the system itself (issuing once the documents exist). */
export const SYSTEM_ACTOR = 'SYSTEM';
export type ActorRole = Role | typeof SYSTEM_ACTOR;

export interface ApplicationTransition {
  action: ApplicationAction;
  /** `null`: the action creates the application. */
  from: readonly (ApplicationStatus | null)[];
  to: ApplicationStatus;
  roles: readonly ActorRole[];
}

const { SUBMITTED, VERIFIED, APPROVED, ISSUED, REVISION_REQUESTED, REJECTED, CANCELLED } = ApplicationStatus;

/** The whole life cycle. Read it top to bottom against DOMAIN.md. */
export const APPLICATION_TRANSITIONS: readonly ApplicationTransition[] = [
  { action: 'submit', from: [null], to: SUBMITTED, roles: [Role.RESIDENT] },
  { action: 'resubmit', from: [REVISION_REQUESTED], to: SUBMITTED, roles: [Role.RESIDENT] },
  { action: 'cancel', from: [SUBMITTED], to: CANCELLED, roles: [Role.RESIDENT] },
  { action: 'verify', from: [SUBMITTED], to: VERIFIED, roles: [Role.CLERK] },
  { action: 'return', from: [SUBMITTED, VERIFIED], to: REVISION_REQUESTED, roles: [Role.CLERK, Role.OFFICIAL] },
  { action: 'reject', from: [SUBMITTED, VERIFIED], to: REJECTED, roles: [Role.CLERK, Role.OFFICIAL] },
  { action: 'approve', from: [VERIFIED], to: APPROVED, roles: [Role.OFFICIAL] },
  { action: 'issue', from: [APPROVED], to: ISSUED, roles: [SYSTEM_ACTOR] },
];

/** Who acts, as messages name them. */
const ACTOR_LABELS: Readonly<Record<ActorRole, string>> = { ...ROLE_LABELS, SYSTEM: 'SISTEM' };

/** What an action does to an application, in the passive: "Permohonan ... tidak dapat disetujui". */
const ACTION_PASSIVE: Readonly<Record<ApplicationAction, string>> = {
  submit: 'diajukan',
  resubmit: 'diajukan kembali',
  cancel: 'dibatalkan',
  verify: 'diverifikasi',
  return: 'dikembalikan untuk perbaikan',
  reject: 'ditolak',
  approve: 'disetujui',
  issue: 'diterbitkan dokumennya',
};

/** An action as a noun, for the list of what may be done now. */
const ACTION_NOUNS: Readonly<Record<ApplicationAction, string>> = {
  submit: 'pengajuan',
  resubmit: 'pengajuan kembali',
  cancel: 'pembatalan',
  verify: 'verifikasi',
  return: 'pengembalian untuk perbaikan',
  reject: 'penolakan',
  approve: 'persetujuan',
  issue: 'penerbitan dokumen',
};

const BY_ACTION = new Map<ApplicationAction, ApplicationTransition>(APPLICATION_TRANSITIONS.map((t) => [t.action, t]));

/**
 * The actions `role` may take on an application in `status` (`null`: not yet created), in
 * table order — what a screen offers as buttons and what a 409 lists.
 */
export function allowedActions(status: ApplicationStatus | null, role: ActorRole): ApplicationAction[] {
  return APPLICATION_TRANSITIONS.filter((t) => t.from.includes(status) && t.roles.includes(role)).map((t) => t.action);
}

/**
 * The account roles that may ever take `action`, from any status (the system excluded): what
 * the API route of that action admits, before the service checks status, ownership and region.
 */
export function rolesThatMay(action: ApplicationAction): Role[] {
  const transition = BY_ACTION.get(action);
  return (transition?.roles ?? []).filter((role): role is Role => role !== SYSTEM_ACTOR);
}

/** Whether `role` may take `action` from `status`, without throwing. */
export function canApplyAction(status: ApplicationStatus | null, action: ApplicationAction, role: ActorRole): boolean {
  const transition = BY_ACTION.get(action);
  return transition !== undefined && transition.from.includes(status) && transition.roles.includes(role);
}

/**
 * The status after `role` takes `action` on an application in `status`. Throws
 * `APPLICATION.ROLE_NOT_ALLOWED` when the role may never take that action, and
 * `APPLICATION.INVALID_TRANSITION` (with `details.allowedActions`) when it may, but not now.
 */
export function applyAction(
  status: ApplicationStatus | null,
  action: ApplicationAction,
  role: ActorRole,
): ApplicationStatus {
  const transition = BY_ACTION.get(action);
  if (transition === undefined || !transition.roles.includes(role)) {
    const done = ACTION_PASSIVE[action] as string | undefined;
    const message =
      done === undefined
        ? `Tindakan ini tidak dapat dilakukan oleh ${ACTOR_LABELS[role]}`
        : `Permohonan tidak dapat ${done} oleh ${ACTOR_LABELS[role]}`;
    throw new DomainError('APPLICATION.ROLE_NOT_ALLOWED', message, { details: { action, role } });
  }
  if (!transition.from.includes(status)) {
    const allowed = allowedActions(status, role);
    const subject =
      status === null
        ? 'Permohonan yang belum diajukan'
        : `Permohonan dengan status ${APPLICATION_STATUS_LABELS[status]}`;
    const now =
      allowed.length > 0
        ? `tindakan yang dapat dilakukan sekarang: ${allowed.map((a) => ACTION_NOUNS[a]).join(', ')}`
        : 'saat ini tidak ada tindakan yang dapat dilakukan';
    throw new DomainError(
      'APPLICATION.INVALID_TRANSITION',
      `${subject} tidak dapat ${ACTION_PASSIVE[action]} (${now})`,
      {
        details: { status, action, allowedActions: allowed },
      },
    );
  }
  return transition.to;
}

/**
 * Four-eyes rule: whoever verified an application may not approve it. It compares people, not
 * accounts ({@link isSamePerson}: the same account, NIP or NIK), so a second account of the
 * same person is no way round it; an application never verified has no verifier to compare.
 */
export function assertFourEyes(verifier: StaffPerson | null | undefined, approver: StaffPerson): void {
  if (verifier !== null && verifier !== undefined && isSamePerson(verifier, approver)) {
    throw new DomainError(
      'APPLICATION.FOUR_EYES',
      'Permohonan tidak dapat disetujui oleh petugas yang memverifikasinya; persetujuan harus diberikan oleh pejabat lain',
    );
  }
}

export function isFinalStatus(status: ApplicationStatus): boolean {
  return FINAL_APPLICATION_STATUSES.includes(status);
}
