// Official labels and status words come from libs/domain, one list for the API, documents and pages.
import { ATTACHMENT_KIND_LABELS, ROLE_LABELS } from '../../../../libs/domain/src/enums/services.js';
import {
  APPLICATION_TYPE_LABELS,
  APPLICATION_TYPE_SHORT_LABELS,
} from '../../../../libs/domain/src/application-types/application-types.registry.js';
import {
  BIRTH_ATTENDANT_LABELS,
  BIRTH_PLACE_KIND_LABELS,
  BIRTH_TYPE_LABELS,
} from '../../../../libs/domain/src/application-types/birth-registration/birth-registration.type.js';
import { FAMILY_CARD_REPLACEMENT_REASON_LABELS } from '../../../../libs/domain/src/application-types/family-card-replacement/family-card-replacement.type.js';
import {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  documentFileName,
} from '../../../../libs/domain/src/documents/document-kinds.js';
import {
  BLOOD_TYPE_LABELS,
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
  DOCUMENT_KINDS,
  documentFileName,
  ATTACHMENT_KIND_LABELS,
  BIRTH_ATTENDANT_LABELS,
  BIRTH_PLACE_KIND_LABELS,
  BIRTH_TYPE_LABELS,
  BLOOD_TYPE_LABELS,
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

/** Short names of the services for lists and buttons (each type's own, in libs/domain). */
export const TYPE_SHORT_LABELS: Readonly<Record<ApplicationType, string>> = APPLICATION_TYPE_SHORT_LABELS;

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

/** The fields an agency may ask to compare (API.md "Verification for agencies"), as the admin reads them. */
export const VERIFICATION_FIELD_LABELS: Readonly<Record<string, string>> = {
  fullName: 'Nama lengkap',
  birthDate: 'Tanggal lahir',
  birthPlace: 'Tempat lahir',
  sex: 'Jenis kelamin',
  motherName: 'Nama ibu kandung',
  address: 'Alamat',
};
