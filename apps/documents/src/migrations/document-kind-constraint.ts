import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DOCUMENT_KINDS, type DocumentKind } from '#lib/domain';
import { IssuedDocuments1767300000000 } from './1767300000000-issued-documents.js';
import { DeathCertificates1767700000000 } from './1767700000000-death-certificates.js';

type MigrationClass = new () => MigrationInterface;

/**
 * The migration that first let each kind of document into `issued_documents.kind`. A kind
 * added to `DocumentKind` without its line is a compile error: write a migration whose `up`
 * calls `allowEveryDocumentKind` and name it here (and in `migrations/index.ts`).
 */
export const DOCUMENT_KIND_ALLOWED_BY = {
  KARTU_KELUARGA: IssuedDocuments1767300000000,
  AKTA_KELAHIRAN: IssuedDocuments1767300000000,
  AKTA_KEMATIAN: DeathCertificates1767700000000,
} as const satisfies { readonly [K in DocumentKind]: MigrationClass };

/** `CHECK (kind IN (...))` of `issued_documents`, listing the kinds the registry knows. */
export function documentKindCheck(kinds: readonly string[] = Object.keys(DOCUMENT_KINDS)): string {
  return `CHECK (kind IN (${kinds.map((kind) => `'${kind.replace(/'/g, "''")}'`).join(', ')}))`;
}

/** Replaces the kind constraint of `issued_documents` by one naming every kind the registry knows. */
export async function allowEveryDocumentKind(db: QueryRunner): Promise<void> {
  await db.query(
    `ALTER TABLE issued_documents DROP CONSTRAINT IF EXISTS issued_documents_kind_check,
       ADD CONSTRAINT issued_documents_kind_check ${documentKindCheck()}`,
  );
}
