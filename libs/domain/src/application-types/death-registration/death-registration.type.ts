import { ApplicationType, DocumentKind } from '../../enums/services.js';
import type { ApplicationTypeDefinition } from '../application-type-definition.js';

/**
 * Pencatatan kematian (DOMAIN.md "Death registration"): a family member reports a death (form
 * F-2.01, section kematian); approval makes the person DECEASED, reissues the KK and issues a
 * Kutipan Akta Kematian.
 */
export const deathRegistration: ApplicationTypeDefinition<typeof ApplicationType.DEATH_REGISTRATION> = {
  type: ApplicationType.DEATH_REGISTRATION,
  label: 'PENCATATAN KEMATIAN',
  shortLabel: 'Pencatatan kematian (Akta Kematian)',
  documents: [DocumentKind.KARTU_KELUARGA, DocumentKind.AKTA_KEMATIAN],
};

/** Sebab kematian (form F-2.01, section kematian). */
export const DeathCause = {
  SAKIT_BIASA: 'SAKIT_BIASA',
  WABAH_PENYAKIT: 'WABAH_PENYAKIT',
  KECELAKAAN: 'KECELAKAAN',
  KRIMINALITAS: 'KRIMINALITAS',
  BUNUH_DIRI: 'BUNUH_DIRI',
  LAINNYA: 'LAINNYA',
} as const;
export type DeathCause = (typeof DeathCause)[keyof typeof DeathCause];
export const DEATH_CAUSE_LABELS: Readonly<Record<DeathCause, string>> = {
  SAKIT_BIASA: 'SAKIT BIASA/TUA',
  WABAH_PENYAKIT: 'WABAH PENYAKIT',
  KECELAKAAN: 'KECELAKAAN',
  KRIMINALITAS: 'KRIMINALITAS',
  BUNUH_DIRI: 'BUNUH DIRI',
  LAINNYA: 'LAINNYA',
};

/** Yang menerangkan kematian (form F-2.01). */
export const DeathCertifier = {
  DOKTER: 'DOKTER',
  TENAGA_KESEHATAN: 'TENAGA_KESEHATAN',
  KEPOLISIAN: 'KEPOLISIAN',
  LAINNYA: 'LAINNYA',
} as const;
export type DeathCertifier = (typeof DeathCertifier)[keyof typeof DeathCertifier];
export const DEATH_CERTIFIER_LABELS: Readonly<Record<DeathCertifier, string>> = {
  DOKTER: 'DOKTER',
  TENAGA_KESEHATAN: 'TENAGA KESEHATAN',
  KEPOLISIAN: 'KEPOLISIAN',
  LAINNYA: 'LAINNYA',
};
