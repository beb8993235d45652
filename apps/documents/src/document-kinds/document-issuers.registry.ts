import type { DocumentToIssue } from '#lib/contracts';
import type { DocumentKind } from '#lib/domain';
import { aktaKelahiranIssuer } from './akta-kelahiran/akta-kelahiran.issuer.js';
import { aktaKematianIssuer } from './akta-kematian/akta-kematian.issuer.js';
import type { DocumentIssuer } from './document-issuer.js';
import { kartuKeluargaIssuer } from './kartu-keluarga/kartu-keluarga.issuer.js';

/**
 * The issuer of every kind of document, one line each. A kind added to `DocumentKind` without
 * its issuer is a compile error naming it: nothing falls through to another kind's branch.
 */
export const DOCUMENT_ISSUERS = {
  KARTU_KELUARGA: kartuKeluargaIssuer,
  AKTA_KELAHIRAN: aktaKelahiranIssuer,
  AKTA_KEMATIAN: aktaKematianIssuer,
} as const satisfies { readonly [K in DocumentKind]: DocumentIssuer<K> };

/** The issuer of the kind a document names (TypeScript cannot pair the two through a lookup). */
export function issuerFor<K extends DocumentKind>(wanted: DocumentToIssue & { kind: K }): DocumentIssuer<K> {
  return DOCUMENT_ISSUERS[wanted.kind] as unknown as DocumentIssuer<K>;
}
