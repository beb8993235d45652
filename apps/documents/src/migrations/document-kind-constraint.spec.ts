import { describe, expect, it } from '@jest/globals';
import { DOCUMENT_KINDS } from '#lib/domain';
import { DOCUMENT_KIND_ALLOWED_BY, documentKindCheck } from './document-kind-constraint.js';
import { documentsMigrations } from './index.js';

describe('issued_documents.kind constraint', () => {
  it('lists every kind of the registry', () => {
    expect(documentKindCheck()).toBe("CHECK (kind IN ('KARTU_KELUARGA', 'AKTA_KELAHIRAN', 'AKTA_KEMATIAN'))");
    expect(documentKindCheck(["O'BRIEN"])).toBe("CHECK (kind IN ('O''BRIEN'))");
  });

  it('names, for every kind, a migration the service runs', () => {
    expect(Object.keys(DOCUMENT_KIND_ALLOWED_BY).sort()).toEqual(Object.keys(DOCUMENT_KINDS).sort());
    for (const migration of Object.values(DOCUMENT_KIND_ALLOWED_BY)) expect(documentsMigrations).toContain(migration);
  });
});
