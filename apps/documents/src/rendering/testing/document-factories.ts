import { randomBytes } from 'node:crypto';
import {
  BloodType,
  Citizenship,
  formatBirthCertificateNumber,
  formatFamilyCardNumber,
  formatNik,
  BirthParents,
  MaritalStatus,
  regionDirectory,
  Relationship,
  Religion,
  Sex,
} from '#lib/domain';
import type { AktaKelahiranModel } from '../../document-kinds/akta-kelahiran/akta-kelahiran.model.js';
import type {
  KartuKeluargaMember,
  KartuKeluargaModel,
} from '../../document-kinds/kartu-keluarga/kartu-keluarga.model.js';
import type { SigningOfficial } from '../document-models.js';

/**
 * Synthetic documents for tests, samples and the benchmark. Every person is invented; NIK
 * serials are taken from the top of the range (99xx) so they stay clear of the serials a
 * district actually hands out first. Region names come from the region directory, never typed.
 */

export const DEMO_VILLAGE_CODE = '16.02.05.1002';
const DEMO_DISTRICT_CODE = '16.02.05';

export function demoOfficial(overrides: Partial<SigningOfficial> = {}): SigningOfficial {
  return {
    name: 'Drs. Hendra Wijaya Kusuma, M.Si.',
    nip: '197805122005011003',
    title: 'KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL',
    ...overrides,
  };
}

export function demoVerificationUrl(): string {
  return `https://adminduk.example.id/verifikasi/${randomBytes(16).toString('base64url')}`;
}

export function syntheticNik(birthDate: string, sex: Sex, serial: number): string {
  return formatNik({ districtCode: DEMO_DISTRICT_CODE, birthDate, sex, serial });
}

export function buildMember(overrides: Partial<KartuKeluargaMember> = {}): KartuKeluargaMember {
  const birthDate = overrides.birthDate ?? '1990-07-17';
  const sex = overrides.sex ?? Sex.LAKI_LAKI;
  return {
    fullName: 'Bagus Pratama',
    nik: syntheticNik(birthDate, sex, 9901),
    sex,
    birthPlace: 'Kayuagung',
    birthDate,
    religion: Religion.ISLAM,
    education: 'SLTA/SEDERAJAT',
    occupation: 'WIRASWASTA',
    bloodType: BloodType.TIDAK_TAHU,
    maritalStatus: MaritalStatus.BELUM_KAWIN,
    relationship: Relationship.ANAK,
    citizenship: Citizenship.WNI,
    fatherName: 'Suparman',
    motherName: 'Sulastri',
    ...overrides,
  };
}

/** A family of five: parents (the mother's name with É and Ñ), three children. */
export function demoFamilyMembers(): KartuKeluargaMember[] {
  const father = { name: 'Rudi Hartono', birthDate: '1985-03-14' };
  const mother = { name: 'Renée Yolanda Peña', birthDate: '1988-11-02' };
  return [
    buildMember({
      fullName: father.name,
      nik: syntheticNik(father.birthDate, Sex.LAKI_LAKI, 9911),
      birthDate: father.birthDate,
      birthPlace: 'Palembang',
      education: 'DIPLOMA IV/STRATA I',
      occupation: 'GURU',
      bloodType: BloodType.O,
      maritalStatus: MaritalStatus.KAWIN_TERCATAT,
      marriageDate: '2010-06-20',
      relationship: Relationship.KEPALA_KELUARGA,
      fatherName: 'Sudirman',
      motherName: 'Sri Wahyuni',
    }),
    buildMember({
      fullName: mother.name,
      nik: syntheticNik(mother.birthDate, Sex.PEREMPUAN, 9912),
      sex: Sex.PEREMPUAN,
      birthDate: mother.birthDate,
      birthPlace: 'Kayuagung',
      religion: Religion.KEPERCAYAAN,
      education: 'AKADEMI/DIPLOMA III/S. MUDA',
      occupation: 'MENGURUS RUMAH TANGGA',
      bloodType: BloodType.A_POSITIVE,
      maritalStatus: MaritalStatus.KAWIN_TERCATAT,
      marriageDate: '2010-06-20',
      relationship: Relationship.ISTRI,
      fatherName: 'Antonius Peña',
      motherName: 'Maria Goretti',
    }),
    buildMember({
      fullName: 'André Saputra Hartono',
      nik: syntheticNik('2012-04-09', Sex.LAKI_LAKI, 9913),
      birthDate: '2012-04-09',
      education: 'SLTP/SEDERAJAT',
      occupation: 'PELAJAR/MAHASISWA',
      bloodType: BloodType.O,
      fatherName: father.name,
      motherName: mother.name,
    }),
    buildMember({
      fullName: 'Nadia Putri Hartono',
      nik: syntheticNik('2016-09-30', Sex.PEREMPUAN, 9914),
      sex: Sex.PEREMPUAN,
      birthDate: '2016-09-30',
      education: 'BELUM TAMAT SD/SEDERAJAT',
      occupation: 'PELAJAR/MAHASISWA',
      bloodType: BloodType.TIDAK_TAHU,
      fatherName: father.name,
      motherName: mother.name,
    }),
    buildMember({
      fullName: 'Siti Aisyah Hartono',
      nik: syntheticNik('2026-01-25', Sex.PEREMPUAN, 9915),
      sex: Sex.PEREMPUAN,
      birthDate: '2026-01-25',
      education: 'TIDAK/BELUM SEKOLAH',
      occupation: 'BELUM/TIDAK BEKERJA',
      bloodType: BloodType.TIDAK_TAHU,
      fatherName: father.name,
      motherName: mother.name,
    }),
  ];
}

export function buildKartuKeluarga(overrides: Partial<KartuKeluargaModel> = {}): KartuKeluargaModel {
  const lineage = regionDirectory().lineage(DEMO_VILLAGE_CODE);
  if (lineage?.village === undefined || lineage.district === undefined || lineage.regency === undefined) {
    throw new Error(`The region directory does not know the demo village ${DEMO_VILLAGE_CODE}`);
  }
  const members = overrides.members ?? demoFamilyMembers();
  return {
    familyCardNumber: formatFamilyCardNumber({
      districtCode: DEMO_DISTRICT_CODE,
      issueDate: '2010-07-01',
      serial: 9901,
    }),
    headName: members[0]?.fullName ?? 'Rudi Hartono',
    address: 'Jl. Letnan Mukhtar Saleh No. 17',
    rt: '3',
    rw: '2',
    villageName: lineage.village.upperName,
    districtName: lineage.district.upperName,
    regencyName: lineage.regency.upperName,
    provinceName: lineage.province.upperName,
    postalCode: '30611',
    members,
    issuedAt: '2026-01-28',
    issuingRegencyName: lineage.regency.upperName,
    official: demoOfficial(),
    verificationUrl: demoVerificationUrl(),
    ...overrides,
  };
}

/** `count` members: a head, a wife and children, for layout tests of large families. */
export function manyMembers(count: number): KartuKeluargaMember[] {
  const members = demoFamilyMembers().slice(0, 2);
  for (let i = members.length; i < count; i++) {
    const birthDate = `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`;
    const sex = i % 2 === 0 ? Sex.LAKI_LAKI : Sex.PEREMPUAN;
    members.push(
      buildMember({
        fullName: `Anak Ke ${i - 1} Hartono`,
        nik: syntheticNik(birthDate, sex, 9900 + i),
        sex,
        birthDate,
        fatherName: members[0].fullName,
        motherName: members[1].fullName,
      }),
    );
  }
  return members;
}

export function buildAktaKelahiran(overrides: Partial<AktaKelahiranModel> = {}): AktaKelahiranModel {
  const regency = regionDirectory().get('16.02');
  if (regency === undefined) throw new Error('The region directory does not know regency 16.02');
  const birthDate = overrides.birthDate ?? '2026-01-25';
  const sex = overrides.sex ?? Sex.PEREMPUAN;
  // Registered and issued three days after the birth: a timely (LU) registration.
  const registrationDate = new Date(Date.parse(`${birthDate}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
  return {
    certificateNumber: formatBirthCertificateNumber({ regencyCode: '16.02', birthDate, registrationDate, serial: 1 }),
    childNik: syntheticNik(birthDate, sex, 9915),
    childName: 'Siti Aisyah Hartono',
    sex,
    birthPlace: 'Kayuagung',
    birthDate,
    birthOrder: 3,
    fatherName: 'Rudi Hartono',
    motherName: 'Renée Yolanda Peña',
    parents: BirthParents.MARRIED,
    issuePlace: 'Kayuagung',
    issuedAt: registrationDate,
    issuingRegencyName: regency.upperName,
    official: demoOfficial(),
    verificationUrl: demoVerificationUrl(),
    ...overrides,
  };
}
