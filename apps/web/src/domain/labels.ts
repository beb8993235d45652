// Official labels and status words come from libs/domain, one list for the API, documents and pages.
import {
  APPLICATION_TYPE_LABELS,
  ATTACHMENT_KIND_LABELS,
  BIRTH_ATTENDANT_LABELS,
  BIRTH_PLACE_KIND_LABELS,
  BIRTH_TYPE_LABELS,
  DOCUMENT_KIND_LABELS,
  FAMILY_CARD_REPLACEMENT_REASON_LABELS,
  ROLE_LABELS,
} from '../../../../libs/domain/src/enums/services.js';
import {
  MARITAL_STATUS_LABELS,
  PERSON_STATUS_LABELS,
  RELATIONSHIP_LABELS,
  RELIGION_LABELS,
  SEX_LABELS,
} from '../../../../libs/domain/src/enums/population.js';
import { SIAK_EDUCATION, SIAK_OCCUPATION } from '../../../../libs/domain/src/reference/siak-lists.data.js';
import { APPLICATION_STATUS_LABELS } from '../../../../libs/domain/src/application/application-status-machine.js';
import type { ApplicationStatus, ApplicationType } from '../api/types';

export {
  APPLICATION_TYPE_LABELS,
  ATTACHMENT_KIND_LABELS,
  BIRTH_ATTENDANT_LABELS,
  BIRTH_PLACE_KIND_LABELS,
  BIRTH_TYPE_LABELS,
  DOCUMENT_KIND_LABELS,
  FAMILY_CARD_REPLACEMENT_REASON_LABELS,
  MARITAL_STATUS_LABELS,
  PERSON_STATUS_LABELS,
  RELATIONSHIP_LABELS,
  RELIGION_LABELS,
  ROLE_LABELS,
  SEX_LABELS,
};

export const EDUCATION_LABELS: readonly string[] = SIAK_EDUCATION.map((entry) => entry.label);
export const OCCUPATION_LABELS: readonly string[] = SIAK_OCCUPATION.map((entry) => entry.label);

/** The domain's status words (DIAJUKAN, DIKEMBALIKAN UNTUK PERBAIKAN, ...) as a sentence reads them. */
export const STATUS_LABELS = Object.fromEntries(
  Object.entries(APPLICATION_STATUS_LABELS).map(([status, label]) => [
    status,
    label.charAt(0) + label.slice(1).toLowerCase(),
  ]),
) as Readonly<Record<ApplicationStatus, string>>;

/** Short names of the four services for lists and buttons. */
export const TYPE_SHORT_LABELS: Readonly<Record<ApplicationType, string>> = {
  BIRTH_REGISTRATION: 'Pencatatan kelahiran (Akta Kelahiran)',
  FAMILY_CARD_NEW: 'Kartu Keluarga baru',
  FAMILY_CARD_UPDATE: 'Perubahan data Kartu Keluarga',
  FAMILY_CARD_REPLACEMENT: 'Kartu Keluarga hilang/rusak',
  DEATH_REGISTRATION: 'Pencatatan kematian (Akta Kematian)',
};

export const DOCUMENT_STATUS_TEXT: Readonly<Record<string, { title: string; explanation: string; tone: string }>> = {
  VALID: {
    title: 'DOKUMEN SAH',
    explanation: 'Dokumen ini asli, diterbitkan secara elektronik, dan masih berlaku.',
    tone: 'valid',
  },
  SUPERSEDED: {
    title: 'DOKUMEN SUDAH DIGANTI',
    explanation:
      'Dokumen ini asli, tetapi sudah tidak berlaku karena telah diterbitkan cetakan yang lebih baru. Mintalah dokumen yang terbaru.',
    tone: 'superseded',
  },
  REVOKED: {
    title: 'DOKUMEN DICABUT',
    explanation: 'Dokumen ini telah dicabut oleh Dinas Kependudukan dan Pencatatan Sipil dan tidak berlaku.',
    tone: 'revoked',
  },
};
