import type { DocumentToIssueOf, FamilyView, RegistryChangeAppliedEvent } from '#lib/contracts';
import type { DocumentKind } from '#lib/domain';
import type { IssuanceDetails } from '../rendering/document-models.js';
import type { Issuer } from '../issuance/document-models.mapper.js';

/**
 * The part of a kind of document the documents service owns: its number, how it is rendered,
 * and whom it belongs to. One implementation per kind in `document-kinds/<kind>/`, registered
 * in `document-issuers.registry.ts`; which application types may issue it is said by each
 * type's definition in libs/domain (`APPLICATION_TYPES[type].documents`).
 */
export interface DocumentIssuer<K extends DocumentKind> {
  readonly kind: K;
  /**
   * A new one makes the earlier valid prints of the same family `SUPERSEDED` (a Kartu Keluarga);
   * the store takes a per-family lock so that two concurrent issues never both stay valid.
   */
  readonly supersedesEarlierPrints: boolean;
  /** Numbers, renders and signs one document of a set. */
  issue(wanted: DocumentToIssueOf<K>, context: IssueContext): Promise<DocumentDraft>;
}

/** What every document of one set shares. */
export interface IssueContext {
  event: RegistryChangeAppliedEvent;
  issuer: Issuer;
  /** Date, office, official, QR address and certificate issuer, as the renderers print them. */
  details: Omit<IssuanceDetails, 'issuedAt'> & { issuedAt: Date };
  /** The family a KK of this set prints, when there is one: its members may read every document. */
  familyOfSet: FamilyView | undefined;
  /** Renders with the renderer given and signs with the service's certificate. */
  sign<M extends IssuanceDetails>(render: (model: M) => Promise<Buffer>, model: M): Promise<Buffer>;
  numbers: DocumentNumbers;
}

/** Numbers kept once per subject, so that issuing again (a redelivered event) reuses them. */
export interface DocumentNumbers {
  /** The child's akta number: the next serial of the regency and registration day. */
  birthCertificate(
    childNik: string,
    regencyCode: string,
    registrationDate: string,
    format: (serial: number) => string,
  ): Promise<string>;
  /** The deceased's akta kematian number: the next serial of the regency and registration day. */
  deathCertificate(
    deceasedNik: string,
    regencyCode: string,
    registrationDate: string,
    format: (serial: number) => string,
  ): Promise<string>;
}

/** One rendered and signed document, before it is stored. */
export interface DocumentDraft {
  number: string;
  /** With the application and kind: issued once (KK: the No. KK; akta: the child's NIK). */
  subjectKey: string;
  familyCardNumber: string | null;
  holderName: string;
  /** Residents who may fetch it: the members of the family it belongs to. */
  memberNiks: string[];
  pdf: Buffer;
}
