import type { ApplicationAction, ApplicationStatus, ApplicationType, AttachmentKind, DocumentKind } from '#lib/domain';

/** One transition of an application's life: who, when, from, to and why. */
export interface ApplicationHistoryEntry {
  at: string;
  /** The account's name (username, NIK masked for residents) or `SISTEM`. */
  actor: string;
  /** `null`: the application was created by this entry. */
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  reason?: string;
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

/** API.md "Application", plus the optional extras OpenAPI documents. */
export interface ApplicationView {
  id: string;
  number: string;
  type: ApplicationType;
  status: ApplicationStatus;
  applicantNik: string;
  regencyCode: string;
  details: Record<string, unknown>;
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
}

export interface ApplicationPage {
  items: ApplicationView[];
  total: number;
}
