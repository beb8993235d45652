import type { DocumentKind } from '#lib/domain';
import { AktaKelahiranToIssue } from './akta-kelahiran.to-issue.js';
import { AktaKematianToIssue } from './akta-kematian.to-issue.js';
import { KartuKeluargaToIssue } from './kartu-keluarga.to-issue.js';

/**
 * What identity sends the documents service for each kind of document (inside
 * `RegistryChangeAppliedEvent.documents`), one class per kind, one line each here. A kind added
 * to `DocumentKind` without its class is a compile error naming it.
 */
export const DOCUMENT_TO_ISSUE_CLASSES = {
  KARTU_KELUARGA: KartuKeluargaToIssue,
  AKTA_KELAHIRAN: AktaKelahiranToIssue,
  AKTA_KEMATIAN: AktaKematianToIssue,
} as const satisfies { readonly [K in DocumentKind]: new () => { kind: K } };

export type DocumentToIssueOf<K extends DocumentKind> = InstanceType<(typeof DOCUMENT_TO_ISSUE_CLASSES)[K]>;

/** Any document to issue, discriminated on `kind`. */
export type DocumentToIssue = { [K in DocumentKind]: DocumentToIssueOf<K> }[DocumentKind];

export const DOCUMENT_TO_ISSUE_DISCRIMINATOR = {
  property: 'kind',
  subTypes: Object.entries(DOCUMENT_TO_ISSUE_CLASSES).map(([name, value]) => ({ name, value })),
};
