import type { DocumentKind } from '../enums/services.js';

/** What every app knows of a kind of document: its printed name and the name of its file. */
export interface DocumentKindDefinition {
  /** As printed and shown: `KUTIPAN AKTA KELAHIRAN`. */
  readonly label: string;
  /** As a sentence names it: "Unduh PDF Akta Kelahiran". */
  readonly shortLabel: string;
  /** The downloaded file is `<fileName>-<number>.pdf`. */
  readonly fileName: string;
}

/**
 * Every kind of document, one line each; a kind added to `DocumentKind` without its line is a
 * compile error. The documents service has a registry of issuers checked the same way.
 */
export const DOCUMENT_KINDS = {
  KARTU_KELUARGA: { label: 'KARTU KELUARGA', shortLabel: 'Kartu Keluarga', fileName: 'kartu-keluarga' },
  AKTA_KELAHIRAN: {
    label: 'KUTIPAN AKTA KELAHIRAN',
    shortLabel: 'Akta Kelahiran',
    fileName: 'kutipan-akta-kelahiran',
  },
  AKTA_KEMATIAN: { label: 'KUTIPAN AKTA KEMATIAN', shortLabel: 'Akta Kematian', fileName: 'kutipan-akta-kematian' },
} as const satisfies { readonly [K in DocumentKind]: DocumentKindDefinition };

export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, string>> = Object.fromEntries(
  Object.entries(DOCUMENT_KINDS).map(([kind, definition]) => [kind, definition.label]),
) as Record<DocumentKind, string>;

/** `kutipan-akta-kelahiran-1602-LU-28112026-0001.pdf`: the number without anything a file name cannot hold. */
export function documentFileName(kind: DocumentKind, number: string): string {
  return `${DOCUMENT_KINDS[kind].fileName}-${number.replace(/[^0-9A-Za-z-]/g, '')}.pdf`;
}
