import { DocumentStatus } from '#lib/domain';
import type { DocumentView, PublicDocumentView } from '#lib/contracts';
import type { IssuedDocumentEntity } from '../issuance/issued-document.entity.js';

/** `SITI RAHAYU` → `S*** R*****`: each word keeps its first letter. */
export function maskHolderName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const letters = [...word];
      return letters[0] + '*'.repeat(Math.max(letters.length - 1, 1));
    })
    .join(' ');
}

export function toDocumentView(
  document: IssuedDocumentEntity,
  verificationUrl: (token: string) => string,
): DocumentView {
  return {
    id: document.id,
    kind: document.kind,
    number: document.number,
    status: document.status,
    issuedAt: document.issuedAt.toISOString(),
    applicationId: document.applicationId,
    verificationUrl: verificationUrl(document.verificationToken),
  };
}

export function toPublicView(document: IssuedDocumentEntity): PublicDocumentView {
  const view: PublicDocumentView = {
    valid: document.status === DocumentStatus.VALID,
    status: document.status,
    kind: document.kind,
    number: document.number,
    issuedAt: document.issuedAt.toISOString(),
    issuer: document.issuer,
    holderName: maskHolderName(document.holderName),
  };
  if (document.statusChangedAt) view.statusChangedAt = document.statusChangedAt.toISOString();
  if (document.status === DocumentStatus.REVOKED && document.revokedReason) view.revokedReason = document.revokedReason;
  return view;
}
