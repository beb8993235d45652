// The shapes of shared/API.md, as this client reads them (plus the documented optional extras).
// Application types, their details, attachment and document kinds are the contracts' own (types only: no
// server code reaches the bundle).
import type { ApplicationDetails } from '../../../../libs/contracts/src/application-types/application-types.registry.js';
import type { AttachmentKind, DocumentKind } from '../../../../libs/domain/src/enums/services.js';

export type Role = 'RESIDENT' | 'CLERK' | 'OFFICIAL' | 'ADMIN' | 'AGENCY';
export type ApplicationStatus =
  'SUBMITTED' | 'VERIFIED' | 'APPROVED' | 'ISSUED' | 'REVISION_REQUESTED' | 'REJECTED' | 'CANCELLED';
export type { ApplicationType, AttachmentKind, DocumentKind } from '../../../../libs/domain/src/enums/services.js';
export type {
  ApplicationDetails,
  ApplicationDetailsOf,
  ApplicationInputOf,
} from '../../../../libs/contracts/src/application-types/application-types.registry.js';
export type ApplicationAction = 'submit' | 'resubmit' | 'cancel' | 'verify' | 'return' | 'reject' | 'approve' | 'issue';

export interface LoginReply {
  accessToken: string;
  expiresIn: number;
  role: Role;
}

export interface Account {
  id: string;
  role: Role;
  nik?: string;
  username?: string;
  regencyCode?: string;
  fullName?: string;
  nip?: string;
}

export interface Person {
  nik: string;
  fullName: string;
  sex: string;
  birthPlace: string;
  birthDate: string;
  religion: string;
  education: string;
  occupation: string;
  bloodType: string;
  maritalStatus: string;
  marriageDate?: string;
  relationship?: string;
  citizenship: string;
  passportNumber?: string;
  kitapNumber?: string;
  fatherName: string;
  motherName: string;
  status: string;
}

export interface Family {
  familyCardNumber: string;
  address: string;
  rt: string;
  rw: string;
  villageCode: string;
  postalCode: string;
  headNik?: string | null;
  villageName?: string;
  districtName?: string;
  regencyName?: string;
  provinceName?: string;
  regencyCode?: string;
  districtCode?: string;
  members: Person[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface AccessLogItem {
  at: string;
  actor: string;
  actorType: 'AGENCY' | 'STAFF';
  purpose: string;
  fields: string[];
}

export interface HistoryEntry {
  at: string;
  actor: string;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  reason?: string;
}

export interface Attachment {
  id: string;
  kind: AttachmentKind;
  fileName: string;
  contentType: string;
  size: number;
}

export interface DocumentRef {
  id: string;
  kind: DocumentKind;
  number: string;
}

export type Application = ApplicationFields & ApplicationDetails;

/** API.md "Application" but `type` and `details`, which come paired (`ApplicationDetails`). */
export interface ApplicationFields {
  id: string;
  number: string;
  status: ApplicationStatus;
  applicantNik: string;
  regencyCode: string;
  submittedAt: string;
  updatedAt: string;
  history: HistoryEntry[];
  attachments: Attachment[];
  documents: DocumentRef[];
  allowedActions?: ApplicationAction[];
  waitingSince?: string;
  waitingSeconds?: number;
}

export interface DocumentView {
  id: string;
  kind: DocumentKind;
  number: string;
  status: 'VALID' | 'SUPERSEDED' | 'REVOKED';
  issuedAt: string;
  applicationId: string;
  verificationUrl: string;
}

export interface PublicDocument {
  valid: boolean;
  status: 'VALID' | 'SUPERSEDED' | 'REVOKED';
  kind: DocumentKind;
  number: string;
  issuedAt: string;
  issuer: string;
  holderName: string;
}

export interface ImportReport {
  imported: number;
  updated: number;
  rejected: Array<{ line: number; errors: Array<{ field?: string; message: string } | string> }>;
}

export interface Region {
  code: string;
  name: string;
}
