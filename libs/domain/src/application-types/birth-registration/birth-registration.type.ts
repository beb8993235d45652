import { ApplicationType, AttachmentKind, DocumentKind } from '../../enums/services.js';
import type { ApplicationTypeDefinition } from '../application-type-definition.js';

/** Pencatatan kelahiran (form F-2.01): the child gets a NIK, joins the KK, and an akta. */
export const birthRegistration: ApplicationTypeDefinition<typeof ApplicationType.BIRTH_REGISTRATION> = {
  type: ApplicationType.BIRTH_REGISTRATION,
  label: 'PENCATATAN KELAHIRAN',
  shortLabel: 'Pencatatan kelahiran (Akta Kelahiran)',
  documents: [DocumentKind.KARTU_KELUARGA, DocumentKind.AKTA_KELAHIRAN],
  expectedEvidence: [
    {
      kind: AttachmentKind.SURAT_KETERANGAN_LAHIR,
      description: 'Surat keterangan lahir dari rumah sakit, puskesmas, bidan atau desa',
    },
    { kind: AttachmentKind.BUKU_NIKAH, description: 'Buku nikah atau akta perkawinan orang tua' },
    { kind: AttachmentKind.SPTJM, description: 'SPTJM, bila surat keterangan lahir atau buku nikah tidak ada' },
  ],
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

/** What an application that names no birth type means. */
export const DEFAULT_BIRTH_TYPE: BirthType = BirthType.TUNGGAL;

/** Twins (and more) share a birth date and may share an order of birth with each other. */
export function isMultipleBirth(birthType: BirthType | undefined): boolean {
  return birthType === BirthType.KEMBAR_2 || birthType === BirthType.KEMBAR_3 || birthType === BirthType.KEMBAR_4;
}
