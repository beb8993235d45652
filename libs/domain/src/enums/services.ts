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
  SPTJM: 'SPTJM',
  SURAT_KEHILANGAN: 'SURAT_KEHILANGAN',
  KK_LAMA: 'KK_LAMA',
  SURAT_KETERANGAN_KEMATIAN: 'SURAT_KETERANGAN_KEMATIAN',
  LAINNYA: 'LAINNYA',
} as const;
export type AttachmentKind = (typeof AttachmentKind)[keyof typeof AttachmentKind];
export const ATTACHMENT_KIND_LABELS: Readonly<Record<AttachmentKind, string>> = {
  SURAT_KETERANGAN_LAHIR: 'SURAT KETERANGAN LAHIR',
  BUKU_NIKAH: 'BUKU NIKAH/AKTA PERKAWINAN',
  SPTJM: 'SURAT PERNYATAAN TANGGUNG JAWAB MUTLAK',
  SURAT_KEHILANGAN: 'SURAT KETERANGAN KEHILANGAN',
  KK_LAMA: 'KARTU KELUARGA LAMA',
  SURAT_KETERANGAN_KEMATIAN: 'SURAT KETERANGAN KEMATIAN',
  LAINNYA: 'LAINNYA',
};

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
