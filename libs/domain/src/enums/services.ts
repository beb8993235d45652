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
export const APPLICATION_TYPE_LABELS: Readonly<Record<ApplicationType, string>> = {
  BIRTH_REGISTRATION: 'PENCATATAN KELAHIRAN',
  FAMILY_CARD_NEW: 'KARTU KELUARGA BARU',
  FAMILY_CARD_UPDATE: 'PERUBAHAN DATA KARTU KELUARGA',
  FAMILY_CARD_REPLACEMENT: 'PENGGANTIAN KARTU KELUARGA HILANG/RUSAK',
  DEATH_REGISTRATION: 'PENCATATAN KEMATIAN',
};

/** Why a KK is to be replaced (`FAMILY_CARD_REPLACEMENT.reason`). */
export const FamilyCardReplacementReason = { HILANG: 'HILANG', RUSAK: 'RUSAK' } as const;
export type FamilyCardReplacementReason =
  (typeof FamilyCardReplacementReason)[keyof typeof FamilyCardReplacementReason];
export const FAMILY_CARD_REPLACEMENT_REASON_LABELS: Readonly<Record<FamilyCardReplacementReason, string>> = {
  HILANG: 'HILANG',
  RUSAK: 'RUSAK',
};

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
export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  KARTU_KELUARGA: 'KARTU KELUARGA',
  AKTA_KELAHIRAN: 'KUTIPAN AKTA KELAHIRAN',
  AKTA_KEMATIAN: 'KUTIPAN AKTA KEMATIAN',
};

export const DocumentStatus = { VALID: 'VALID', SUPERSEDED: 'SUPERSEDED', REVOKED: 'REVOKED' } as const;
export type DocumentStatus = (typeof DocumentStatus)[keyof typeof DocumentStatus];
/** As the public verification page says it. */
export const DOCUMENT_STATUS_LABELS: Readonly<Record<DocumentStatus, string>> = {
  VALID: 'BERLAKU',
  SUPERSEDED: 'SUDAH DIGANTI DENGAN DOKUMEN BARU',
  REVOKED: 'DICABUT',
};

/** Tempat dilahirkan (form F-2.01). */
export const BirthPlaceKind = {
  RUMAH_SAKIT: 'RUMAH_SAKIT',
  PUSKESMAS: 'PUSKESMAS',
  POLINDES: 'POLINDES',
  RUMAH: 'RUMAH',
  LAINNYA: 'LAINNYA',
} as const;
export type BirthPlaceKind = (typeof BirthPlaceKind)[keyof typeof BirthPlaceKind];
export const BIRTH_PLACE_KIND_LABELS: Readonly<Record<BirthPlaceKind, string>> = {
  RUMAH_SAKIT: 'RUMAH SAKIT/RUMAH BERSALIN',
  PUSKESMAS: 'PUSKESMAS',
  POLINDES: 'POLINDES',
  RUMAH: 'RUMAH',
  LAINNYA: 'LAINNYA',
};

/** Penolong kelahiran (form F-2.01). */
export const BirthAttendant = { DOKTER: 'DOKTER', BIDAN: 'BIDAN', DUKUN: 'DUKUN', LAINNYA: 'LAINNYA' } as const;
export type BirthAttendant = (typeof BirthAttendant)[keyof typeof BirthAttendant];
export const BIRTH_ATTENDANT_LABELS: Readonly<Record<BirthAttendant, string>> = {
  DOKTER: 'DOKTER',
  BIDAN: 'BIDAN/PERAWAT',
  DUKUN: 'DUKUN',
  LAINNYA: 'LAINNYA',
};

/** Jenis kelahiran (form F-2.01). Twins are never duplicates of each other. */
export const BirthType = {
  TUNGGAL: 'TUNGGAL',
  KEMBAR_2: 'KEMBAR_2',
  KEMBAR_3: 'KEMBAR_3',
  KEMBAR_4: 'KEMBAR_4',
  LAINNYA: 'LAINNYA',
} as const;
export type BirthType = (typeof BirthType)[keyof typeof BirthType];
export const BIRTH_TYPE_LABELS: Readonly<Record<BirthType, string>> = {
  TUNGGAL: 'TUNGGAL',
  KEMBAR_2: 'KEMBAR 2',
  KEMBAR_3: 'KEMBAR 3',
  KEMBAR_4: 'KEMBAR 4',
  LAINNYA: 'LAINNYA',
};
