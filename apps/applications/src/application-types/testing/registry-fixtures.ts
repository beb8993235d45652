import type { FamilyView, PersonRecord, PersonView } from '#lib/contracts';

// Synthetic people only.
export const KK = '1602051201150003';
export function person(nik: string, fullName: string, extra: Partial<PersonRecord> = {}): PersonRecord {
  return {
    nik,
    fullName,
    sex: 'LAKI_LAKI',
    birthPlace: 'KAYU AGUNG',
    birthDate: '1990-01-01',
    religion: 'ISLAM',
    education: 'SLTA/SEDERAJAT',
    occupation: 'WIRASWASTA',
    bloodType: 'O',
    maritalStatus: 'KAWIN_TERCATAT',
    citizenship: 'WNI',
    fatherName: 'AYAH',
    motherName: 'IBU',
    status: 'ACTIVE',
    familyCardNumber: KK,
    regencyCode: '16.02',
    ...extra,
  };
}
export const father = person('1602050101900001', 'BUDI SANTOSO', { relationship: 'KEPALA_KELUARGA' });
export const mother = person('1602054202920002', 'SITI AMINAH', {
  sex: 'PEREMPUAN',
  relationship: 'ISTRI',
  birthDate: '1992-02-02',
});
export const firstChild = person('1602051503150003', 'RINA SANTOSO', {
  relationship: 'ANAK',
  birthDate: '2015-03-15',
  motherName: 'SITI AMINAH',
});

export function family(members: PersonView[]): FamilyView {
  return {
    familyCardNumber: KK,
    address: 'JL. MERDEKA',
    rt: '001',
    rw: '002',
    villageCode: '16.02.05.1002',
    postalCode: '30611',
    headNik: father.nik,
    villageName: '',
    districtCode: '16.02.05',
    districtName: '',
    regencyCode: '16.02',
    regencyName: '',
    provinceCode: '16',
    provinceName: '',
    members,
  };
}

/** The fields a rule outcome names, in order. */
export const fields = (outcome: { violations: Array<{ field: string }> }): string[] =>
  outcome.violations.map((v) => v.field);
