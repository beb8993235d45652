// Official labels and status words come from libs/domain, one list for the API, documents and pages;
// the pages show them in sentence case (sentence-case.ts), the documents as printed.
import {
  ATTACHMENT_KIND_LABELS as OFFICIAL_ATTACHMENT_KIND_LABELS,
  ROLE_LABELS as OFFICIAL_ROLE_LABELS,
} from '../../../../libs/domain/src/enums/services.js';
import {
  APPLICATION_TYPE_LABELS,
  APPLICATION_TYPE_SHORT_LABELS,
} from '../../../../libs/domain/src/application-types/application-types.registry.js';
import * as birth from '../../../../libs/domain/src/application-types/birth-registration/birth-registration.type.js';
import * as death from '../../../../libs/domain/src/application-types/death-registration/death-registration.type.js';
import { FAMILY_CARD_REPLACEMENT_REASON_LABELS as OFFICIAL_REPLACEMENT_REASON_LABELS } from '../../../../libs/domain/src/application-types/family-card-replacement/family-card-replacement.type.js';
import {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  documentFileName,
} from '../../../../libs/domain/src/documents/document-kinds.js';
import * as population from '../../../../libs/domain/src/enums/population.js';
import { SIAK_EDUCATION, SIAK_OCCUPATION } from '../../../../libs/domain/src/reference/siak-lists.data.js';
import { APPLICATION_STATUS_LABELS } from '../../../../libs/domain/src/application/application-status-machine.js';
import type { ApplicationStatus, ApplicationType } from '../api/types';
import { sentenceCase, sentenceCaseLabels } from './sentence-case';

// Names of services and documents are titles ("Kartu Keluarga", "Kutipan Akta Kelahiran"): as they are.
export { APPLICATION_TYPE_LABELS, DOCUMENT_KINDS, documentFileName, DOCUMENT_KIND_LABELS, sentenceCase };

export const ATTACHMENT_KIND_LABELS = sentenceCaseLabels(OFFICIAL_ATTACHMENT_KIND_LABELS);
export const BIRTH_ATTENDANT_LABELS = sentenceCaseLabels(birth.BIRTH_ATTENDANT_LABELS);
export const BIRTH_PLACE_KIND_LABELS = sentenceCaseLabels(birth.BIRTH_PLACE_KIND_LABELS);
export const BIRTH_TYPE_LABELS = sentenceCaseLabels(birth.BIRTH_TYPE_LABELS);
export const BLOOD_TYPE_LABELS = sentenceCaseLabels(population.BLOOD_TYPE_LABELS);
export const DEATH_CAUSE_LABELS = sentenceCaseLabels(death.DEATH_CAUSE_LABELS);
export const DEATH_CERTIFIER_LABELS = sentenceCaseLabels(death.DEATH_CERTIFIER_LABELS);
export const FAMILY_CARD_REPLACEMENT_REASON_LABELS = sentenceCaseLabels(OFFICIAL_REPLACEMENT_REASON_LABELS);
export const MARITAL_STATUS_LABELS = sentenceCaseLabels(population.MARITAL_STATUS_LABELS);
export const PERSON_STATUS_LABELS = sentenceCaseLabels(population.PERSON_STATUS_LABELS);
export const RELATIONSHIP_LABELS = sentenceCaseLabels(population.RELATIONSHIP_LABELS);
export const RELIGION_LABELS = sentenceCaseLabels(population.RELIGION_LABELS);
export const ROLE_LABELS = sentenceCaseLabels(OFFICIAL_ROLE_LABELS);
export const SEX_LABELS = sentenceCaseLabels(population.SEX_LABELS);

/** The SIAK lists' labels are also their values (sent as they are); pages show them with this. */
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
