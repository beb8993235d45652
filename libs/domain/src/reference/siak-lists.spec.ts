import { describe, expect, it } from '@jest/globals';
import {
  BloodType,
  BLOOD_TYPE_LABELS,
  MARITAL_STATUS_LABELS,
  MaritalStatus,
  Relationship,
  RELATIONSHIP_LABELS,
  SEX_LABELS,
  Sex,
} from '../enums/population.js';
import { enumFromLabel, enumValues, isEnumValue, normalizeLabel } from './label-matching.js';
import {
  bloodTypeFromLabel,
  EDUCATION_LIST,
  OCCUPATION_LIST,
  SIAK_BLOOD_TYPE_LIST,
  siakBloodTypeCode,
} from './siak-lists.js';

describe('SIAK lists', () => {
  it('have the official sizes', () => {
    expect(EDUCATION_LIST.labels).toHaveLength(10);
    expect(OCCUPATION_LIST.labels).toHaveLength(89);
    expect(SIAK_BLOOD_TYPE_LIST.labels).toHaveLength(13);
  });

  it.each([
    ['SLTA/SEDERAJAT', 'SLTA/SEDERAJAT'],
    ['slta / sederajat', 'SLTA/SEDERAJAT'],
    ['  Slta/ Sederajat ', 'SLTA/SEDERAJAT'],
    ['diploma  iv /strata i', 'DIPLOMA IV/STRATA I'],
    ['akademi/diploma iii/s. muda', 'AKADEMI/DIPLOMA III/S. MUDA'],
    // Issue #14 point 11: SIAK exports write it without the space.
    ['AKADEMI/DIPLOMA III/S.MUDA', 'AKADEMI/DIPLOMA III/S. MUDA'],
    ['Akademi / Diploma III / S.  Muda', 'AKADEMI/DIPLOMA III/S. MUDA'],
    ['SLTA', undefined],
    ['SLTA-SEDERAJAT', undefined],
    [5, undefined],
  ])('matches education %p to %p', (input, label) => {
    expect(EDUCATION_LIST.match(input)).toBe(label);
  });

  it('maps labels and codes both ways and throws LABEL.UNKNOWN', () => {
    expect(OCCUPATION_LIST.parse('petani / pekebun')).toBe('PETANI/PEKEBUN');
    expect(OCCUPATION_LIST.codeOf('wiraswasta')).toBe(88);
    expect(OCCUPATION_LIST.codeOf('astronot')).toBeUndefined();
    expect(OCCUPATION_LIST.codeOf(null)).toBeUndefined();
    expect(OCCUPATION_LIST.labelOf(9)).toBe('PETANI/PEKEBUN');
    expect(OCCUPATION_LIST.labelOf(999)).toBeUndefined();
    expect(() => OCCUPATION_LIST.parse('astronot')).toThrow(expect.objectContaining({ code: 'LABEL.UNKNOWN' }));
    expect(() => OCCUPATION_LIST.parse('astronot')).toThrow('Isian tidak terdapat dalam daftar resmi jenis pekerjaan');
  });

  it('maps API blood types to SIAK labels and codes', () => {
    expect(bloodTypeFromLabel('tidak tahu')).toBe(BloodType.TIDAK_TAHU);
    expect(bloodTypeFromLabel('TIDAK_TAHU')).toBe(BloodType.TIDAK_TAHU);
    expect(bloodTypeFromLabel('ab+')).toBe('AB+');
    expect(bloodTypeFromLabel('C')).toBeUndefined();
    expect(siakBloodTypeCode(BloodType.A)).toBe(1);
    expect(siakBloodTypeCode(BloodType.O_NEGATIVE)).toBe(12);
    expect(siakBloodTypeCode(BloodType.TIDAK_TAHU)).toBe(13);
    for (const bloodType of enumValues(BloodType)) {
      expect(SIAK_BLOOD_TYPE_LIST.match(BLOOD_TYPE_LABELS[bloodType])).toBe(BLOOD_TYPE_LABELS[bloodType]);
    }
  });
});

describe('label matching', () => {
  it('ignores case, outer and repeated spaces and spaces around /', () => {
    expect(normalizeLabel('  kawin   belum  tercatat ')).toBe('KAWIN BELUM TERCATAT');
    expect(normalizeLabel('a / b /c')).toBe('A/B/C');
  });

  it('finds enum values by name or printed label', () => {
    expect(enumFromLabel(Sex, SEX_LABELS, 'laki-laki')).toBe(Sex.LAKI_LAKI);
    expect(enumFromLabel(Sex, SEX_LABELS, 'PEREMPUAN')).toBe(Sex.PEREMPUAN);
    expect(enumFromLabel(MaritalStatus, MARITAL_STATUS_LABELS, 'Cerai  Mati')).toBe(MaritalStatus.CERAI_MATI);
    expect(enumFromLabel(Relationship, RELATIONSHIP_LABELS, 'kepala keluarga')).toBe(Relationship.KEPALA_KELUARGA);
    expect(enumFromLabel(Relationship, RELATIONSHIP_LABELS, 'KEPALA_KELUARGA')).toBe(Relationship.KEPALA_KELUARGA);
    expect(enumFromLabel(Sex, SEX_LABELS, 'pria')).toBeUndefined();
  });

  it('knows an enum’s values', () => {
    expect(isEnumValue(BloodType, 'AB-')).toBe(true);
    expect(isEnumValue(BloodType, 'AB_NEGATIVE')).toBe(false);
    expect(isEnumValue(BloodType, 3)).toBe(false);
  });
});
