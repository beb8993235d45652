/**
 * Enumerations of accounts, applications and documents (API.md). Each is an `as const` object
 * with its type and, where the documents or public pages print one, its Indonesian label.
 */

export const Role = {
  RESIDENT: 'RESIDENT',
  CLERK: 'CLERK',
  OFFICIAL: 'OFFICIAL',
  ADMIN: 'ADMIN',
  AGENCY: 'AGENCY',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  RESIDENT: 'PENDUDUK',
  CLERK: 'OPERATOR/VERIFIKATOR',
  OFFICIAL: 'PEJABAT PENCATATAN SIPIL',
  ADMIN: 'ADMINISTRATOR',
  AGENCY: 'LEMBAGA PENGGUNA',
};
/** Roles of staff accounts an ADMIN may create (`POST /admin/staff`). */
export const STAFF_ROLES = [Role.CLERK, Role.OFFICIAL, Role.ADMIN] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ApplicationType = {
  BIRTH_REGISTRATION: 'BIRTH_REGISTRATION',
  FAMILY_CARD_NEW: 'FAMILY_CARD_NEW',
  FAMILY_CARD_UPDATE: 'FAMILY_CARD_UPDATE',
  FAMILY_CARD_REPLACEMENT: 'FAMILY_CARD_REPLACEMENT',
  DEATH_REGISTRATION: 'DEATH_REGISTRATION',
} as const;
export type ApplicationType = (typeof ApplicationType)[keyof typeof ApplicationType];
// Each type's labels, rules and documents: application-types/<type>/, registered in
// application-types/application-types.registry.ts.

export const AttachmentKind = {
  SURAT_KETERANGAN_LAHIR: 'SURAT_KETERANGAN_LAHIR',
  BUKU_NIKAH: 'BUKU_NIKAH',
  /** Kept for clients that do not yet name which of the two SPTJM it is. */
  SPTJM: 'SPTJM',
  SPTJM_DATA_KELAHIRAN: 'SPTJM_DATA_KELAHIRAN',
  SPTJM_PASANGAN_SUAMI_ISTRI: 'SPTJM_PASANGAN_SUAMI_ISTRI',
  SURAT_KEHILANGAN: 'SURAT_KEHILANGAN',
  KK_LAMA: 'KK_LAMA',
  SURAT_KETERANGAN_KEMATIAN: 'SURAT_KETERANGAN_KEMATIAN',
  SURAT_KEHILANGAN_KEPOLISIAN: 'SURAT_KEHILANGAN_KEPOLISIAN',
  SURAT_PINDAH: 'SURAT_PINDAH',
  LAINNYA: 'LAINNYA',
} as const;
export type AttachmentKind = (typeof AttachmentKind)[keyof typeof AttachmentKind];
export const ATTACHMENT_KIND_LABELS: Readonly<Record<AttachmentKind, string>> = {
  SURAT_KETERANGAN_LAHIR: 'SURAT KETERANGAN LAHIR',
  BUKU_NIKAH: 'BUKU NIKAH/AKTA PERKAWINAN',
  SPTJM: 'SURAT PERNYATAAN TANGGUNG JAWAB MUTLAK',
  SPTJM_DATA_KELAHIRAN: 'SPTJM KEBENARAN DATA KELAHIRAN',
  SPTJM_PASANGAN_SUAMI_ISTRI: 'SPTJM KEBENARAN SEBAGAI PASANGAN SUAMI ISTRI',
  SURAT_KEHILANGAN: 'SURAT KETERANGAN KEHILANGAN',
  KK_LAMA: 'KARTU KELUARGA LAMA',
  SURAT_KETERANGAN_KEMATIAN: 'SURAT KETERANGAN KEMATIAN',
  SURAT_KEHILANGAN_KEPOLISIAN: 'SURAT KETERANGAN KEHILANGAN DARI KEPOLISIAN',
  SURAT_PINDAH: 'SURAT KETERANGAN PINDAH',
  LAINNYA: 'LAINNYA',
};

/**
 * Evidence the rules expect a clerk to see for one application (Permendagri 9/2016): which kind,
 * and why, in the clerk's words. The system never requires the upload; it says what to check.
 */
export interface ExpectedEvidence {
  kind: AttachmentKind;
  /** `SPTJM kebenaran sebagai pasangan suami istri diperlukan: perkawinan orang tua belum tercatat` */
  reason: string;
}

export const DocumentKind = {
  KARTU_KELUARGA: 'KARTU_KELUARGA',
  AKTA_KELAHIRAN: 'AKTA_KELAHIRAN',
  AKTA_KEMATIAN: 'AKTA_KEMATIAN',
} as const;
export type DocumentKind = (typeof DocumentKind)[keyof typeof DocumentKind];
// Each kind's label and file name: documents/document-kinds.ts.

export const DocumentStatus = { VALID: 'VALID', SUPERSEDED: 'SUPERSEDED', REVOKED: 'REVOKED' } as const;
export type DocumentStatus = (typeof DocumentStatus)[keyof typeof DocumentStatus];
/** As the public verification page says it. */
export const DOCUMENT_STATUS_LABELS: Readonly<Record<DocumentStatus, string>> = {
  VALID: 'BERLAKU',
  SUPERSEDED: 'SUDAH DIGANTI DENGAN DOKUMEN BARU',
  REVOKED: 'DICABUT',
};
