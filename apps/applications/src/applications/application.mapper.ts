import {
  typedDetails,
  type ApplicationDocumentRef,
  type ApplicationHistoryEntry,
  type ApplicationView,
  type AttachmentView,
  type Principal,
} from '#lib/contracts';
import { ApplicationStatus, ATTACHMENT_KIND_LABELS, Role, type AttachmentKind, type DocumentKind } from '#lib/domain';
import type { AttachmentEntity } from '../attachments/attachment.entity.js';
import { actionsFor } from './application-access.js';
import type { ApplicationAggregate } from './application.repository.js';
import { isOwnFamily, type StaffFamily } from './own-family.js';

const WAITING: readonly string[] = [ApplicationStatus.SUBMITTED, ApplicationStatus.VERIFIED];

export function toAttachmentView(attachment: AttachmentEntity): AttachmentView {
  return {
    id: attachment.id,
    kind: attachment.kind as AttachmentKind,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    size: attachment.size,
  };
}

/** API.md "Application": copies the allowed fields, so a new column never leaks. */
export function toApplicationView(
  { application, history, attachments, documents }: ApplicationAggregate,
  principal: Principal,
  now: Date = new Date(),
  staffFamily?: StaffFamily,
): ApplicationView {
  const ownFamily = isOwnFamily(staffFamily, application);
  const status = application.status;
  const view: ApplicationView = {
    id: application.id,
    number: application.number,
    ...typedDetails(application.type, application.details),
    status,
    applicantNik: application.applicantNik,
    ...(application.applicantName ? { applicantName: application.applicantName } : {}),
    regencyCode: application.regencyCode,
    submittedAt: application.submittedAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
    history: history.map((entry) => {
      const item: ApplicationHistoryEntry = {
        at: entry.at.toISOString(),
        actor: entry.actor,
        from: entry.fromStatus as ApplicationStatus | null,
        to: entry.toStatus as ApplicationStatus,
      };
      if (entry.reason !== null) item.reason = entry.reason;
      // The clerk's note for the official stays among staff.
      if (entry.internalNote && principal.role !== Role.RESIDENT) item.internalNote = entry.internalNote;
      return item;
    }),
    attachments: attachments.map(toAttachmentView),
    documents: documents.map((document): ApplicationDocumentRef => ({
      id: document.documentId,
      kind: document.kind as DocumentKind,
      number: document.number,
    })),
    allowedActions: actionsFor(principal, { ...application, status }, ownFamily),
    expectedEvidence: (application.expectedEvidence ?? []).map((evidence) => ({
      kind: evidence.kind,
      label: ATTACHMENT_KIND_LABELS[evidence.kind],
      reason: evidence.reason,
    })),
  };
  if (ownFamily) view.ownFamily = true;
  if (WAITING.includes(status)) {
    view.waitingSince = application.submittedAt.toISOString();
    view.waitingSeconds = Math.max(0, Math.floor((now.getTime() - application.submittedAt.getTime()) / 1000));
  }
  return view;
}
