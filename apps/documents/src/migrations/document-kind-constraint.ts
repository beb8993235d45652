import type { MigrationInterface } from 'typeorm';
import type { DocumentKind } from '#lib/domain';
import { IssuedDocuments1767300000000 } from './1767300000000-issued-documents.js';
import { DeathCertificates1767700000000 } from './1767700000000-death-certificates.js';

export { allowEveryDocumentKind, documentKindCheck } from './document-kind-check.js';

type MigrationClass = new () => MigrationInterface;

/**
 * The migration that first let each kind of document into `issued_documents.kind`. A kind
 * added to `DocumentKind` without its line is a compile error: write a migration whose `up`
 * calls `allowEveryDocumentKind` (from `document-kind-check.ts`) and name it here (and in
 * `migrations/index.ts`).
 */
export const DOCUMENT_KIND_ALLOWED_BY = {
  KARTU_KELUARGA: IssuedDocuments1767300000000,
  AKTA_KELAHIRAN: IssuedDocuments1767300000000,
  AKTA_KEMATIAN: DeathCertificates1767700000000,
} as const satisfies { readonly [K in DocumentKind]: MigrationClass };
