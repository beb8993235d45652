import { describe, expect, it } from '@jest/globals';
import * as population from './population.js';
import * as services from './services.js';
import { APPLICATION_STATUS_LABELS, ApplicationStatus } from '../application/application-status-machine.js';
import { APPLICATION_TYPE_LABELS } from '../application-types/application-types.registry.js';
import * as birth from '../application-types/birth-registration/birth-registration.type.js';
import * as replacement from '../application-types/family-card-replacement/family-card-replacement.type.js';
import { DOCUMENT_KIND_LABELS } from '../documents/document-kinds.js';

// Every enumeration and the label table printed for it.
const pairs: [string, Record<string, string>, Record<string, string>][] = [
  ['Sex', population.Sex, population.SEX_LABELS],
  ['Religion', population.Religion, population.RELIGION_LABELS],
  ['MaritalStatus', population.MaritalStatus, population.MARITAL_STATUS_LABELS],
  ['Relationship', population.Relationship, population.RELATIONSHIP_LABELS],
  ['Citizenship', population.Citizenship, population.CITIZENSHIP_LABELS],
  ['PersonStatus', population.PersonStatus, population.PERSON_STATUS_LABELS],
  ['BloodType', population.BloodType, population.BLOOD_TYPE_LABELS],
  ['Role', services.Role, services.ROLE_LABELS],
  ['ApplicationType', services.ApplicationType, APPLICATION_TYPE_LABELS],
  [
    'FamilyCardReplacementReason',
    replacement.FamilyCardReplacementReason,
    replacement.FAMILY_CARD_REPLACEMENT_REASON_LABELS,
  ],
  ['AttachmentKind', services.AttachmentKind, services.ATTACHMENT_KIND_LABELS],
  ['DocumentKind', services.DocumentKind, DOCUMENT_KIND_LABELS],
  ['DocumentStatus', services.DocumentStatus, services.DOCUMENT_STATUS_LABELS],
  ['BirthPlaceKind', birth.BirthPlaceKind, birth.BIRTH_PLACE_KIND_LABELS],
  ['BirthAttendant', birth.BirthAttendant, birth.BIRTH_ATTENDANT_LABELS],
  ['BirthType', birth.BirthType, birth.BIRTH_TYPE_LABELS],
  ['ApplicationStatus', ApplicationStatus, APPLICATION_STATUS_LABELS],
];

describe('enumerations', () => {
  it.each(pairs)('%s has an upper-case label for every value and no other', (_name, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual(Object.values(values).sort());
    for (const label of Object.values(labels)) expect(label).toBe(label.toUpperCase());
  });

  it('prints the labels of DOMAIN.md, never the enum names', () => {
    expect(population.SEX_LABELS.LAKI_LAKI).toBe('LAKI-LAKI');
    expect(population.RELIGION_LABELS.KEPERCAYAAN).toBe('KEPERCAYAAN TERHADAP TUHAN YME');
    expect(population.MARITAL_STATUS_LABELS.KAWIN_TERCATAT).toBe('KAWIN TERCATAT');
    expect(population.MARITAL_STATUS_LABELS.CERAI_HIDUP_BELUM_TERCATAT).toBe('CERAI HIDUP BELUM TERCATAT');
    expect(population.RELATIONSHIP_LABELS.KEPALA_KELUARGA).toBe('KEPALA KELUARGA');
    expect(population.RELATIONSHIP_LABELS.FAMILI_LAIN).toBe('FAMILI LAIN');
    expect(population.BLOOD_TYPE_LABELS.TIDAK_TAHU).toBe('TIDAK TAHU');
    expect(DOCUMENT_KIND_LABELS.AKTA_KELAHIRAN).toBe('KUTIPAN AKTA KELAHIRAN');
  });

  it('has the values API.md names', () => {
    expect(Object.values(services.Role)).toEqual(['RESIDENT', 'CLERK', 'OFFICIAL', 'ADMIN', 'AGENCY']);
    expect(services.STAFF_ROLES).toEqual(['CLERK', 'OFFICIAL', 'ADMIN']);
    expect(Object.values(services.AttachmentKind)).toEqual([
      'SURAT_KETERANGAN_LAHIR',
      'BUKU_NIKAH',
      'SPTJM',
      'SURAT_KEHILANGAN',
      'KK_LAMA',
      'SURAT_KETERANGAN_KEMATIAN',
      'LAINNYA',
    ]);
    expect(Object.values(birth.BirthType)).toEqual(['TUNGGAL', 'KEMBAR_2', 'KEMBAR_3', 'KEMBAR_4', 'LAINNYA']);
    expect(Object.values(population.BloodType)).toHaveLength(13);
  });
});
