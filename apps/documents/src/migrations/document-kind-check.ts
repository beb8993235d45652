import type { QueryRunner } from 'typeorm';
import { DOCUMENT_KINDS } from '#lib/domain';

// Apart from document-kind-constraint.ts, which imports the migrations: a migration that imports
// these from there would close an import cycle (and find its own class uninitialised).

/** `CHECK (kind IN (...))` of `issued_documents`, listing the kinds the registry knows. */
export function documentKindCheck(kinds: readonly string[] = Object.keys(DOCUMENT_KINDS)): string {
  return `CHECK (kind IN (${kinds.map((kind) => `'${kind.replace(/'/g, "''")}'`).join(', ')}))`;
}

/** Replaces the kind constraint of `issued_documents` by one naming these kinds (default: every kind). */
export async function allowEveryDocumentKind(db: QueryRunner, kinds?: readonly string[]): Promise<void> {
  await db.query(
    `ALTER TABLE issued_documents DROP CONSTRAINT IF EXISTS issued_documents_kind_check,
       ADD CONSTRAINT issued_documents_kind_check ${documentKindCheck(kinds)}`,
  );
}
