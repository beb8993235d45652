import type { ApplicationAction, ApplicationStatus, AttachmentKind, DocumentKind } from '#lib/domain';

/** One piece of evidence the rules expect the clerk to see (an extra of the Application view). */
export interface ExpectedEvidenceView {
  kind: AttachmentKind;
  /** `SPTJM KEBENARAN SEBAGAI PASANGAN SUAMI ISTRI` */
  label: string;
  /** Why, in the clerk's words. */
  reason: string;
}
import type { ApplicationDetails } from '../application-types/application-types.registry.js';

/** One transition of an application's life: who, when, from, to and why. */
export interface ApplicationHistoryEntry {
  at: string;
  /** The account's name (username, NIK masked for residents) or `SISTEM`. */
  actor: string;
  /** `null`: the application was created by this entry. */
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  /** What the applicant reads: the reason of a return or rejection, a clerk's message. */
  reason?: string;
  /** Extra, staff only: the clerk's note for the official, never in the applicant's view. */
  internalNote?: string;
}

export interface AttachmentView {
  id: string;
  kind: AttachmentKind;
  fileName: string;
  contentType: string;
  size: number;
}

/** The reply of an upload (API.md `POST /applications/{id}/attachments`). */
export interface StoredAttachmentView extends AttachmentView {
  sha256: string;
}

export interface ApplicationDocumentRef {
  id: string;
  kind: DocumentKind;
  number: string;
}

/** API.md "Application" without `type` and `details` (`ApplicationView` adds them, paired). */
export interface ApplicationViewFields {
  id: string;
  number: string;
  status: ApplicationStatus;
  applicantNik: string;
  /** Extra: the applicant's name as the registry had it when they applied (absent for older ones). */
  applicantName?: string;
  regencyCode: string;
  submittedAt: string;
  updatedAt: string;
  history: ApplicationHistoryEntry[];
  attachments: AttachmentView[];
  documents: ApplicationDocumentRef[];
  /** Extra: what this caller may do now (the buttons a screen shows). */
  allowedActions: ApplicationAction[];
  /** Extra: since when it waits for staff (its last submission), while SUBMITTED or VERIFIED. */
  waitingSince?: string;
  /** Extra: how long it has waited, in whole seconds. */
  waitingSeconds?: number;
  /** Extra: the evidence the rules expect the clerk to see for this application (may be empty). */
  expectedEvidence?: ExpectedEvidenceView[];
  /**
   * Extra, staff only: true when the application is of the caller's own family (the applicant
   * is them or in their KK, or it is about their KK); they may not act on it (403
   * APPLICATION.OWN_FAMILY), so `allowedActions` offers them nothing.
   */
  ownFamily?: boolean;
}

/** API.md "Application", plus the optional extras OpenAPI documents; `details` follow `type`. */
export type ApplicationView = ApplicationViewFields & ApplicationDetails;

export interface ApplicationPage {
  items: ApplicationView[];
  total: number;
}
