import {
  EDUCATION_LIST,
  OCCUPATION_LIST,
  Relationship,
  regionDirectory,
  type Education,
  type Occupation,
} from '#lib/domain';
import type { BirthRecordFacts, FamilyView, PersonView } from '#lib/contracts';
import type {
  AktaKelahiranModel,
  IssuanceDetails,
  KartuKeluargaMember,
  KartuKeluargaModel,
} from '../rendering/document-models.js';
import { issueDateOf } from '../rendering/print-labels.js';

export interface Issuer {
  regencyCode: string;
  /** `KABUPATEN OGAN KOMERING ILIR` */
  regencyName: string;
  /** `Dinas Kependudukan dan Pencatatan Sipil Kabupaten Ogan Komering Ilir`, for the public page. */
  officeName: string;
  /** `Ogan Komering Ilir`: printed as the place of issue. */
  place: string;
}

/** The issuing office of a regency, named from idn-area-data. */
export function issuerOf(regencyCode: string): Issuer {
  const regency = regionDirectory().find(regencyCode, 'regency');
  const upperName = regency?.upperName ?? regencyCode;
  const titled = upperName.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  return {
    regencyCode,
    regencyName: upperName,
    officeName: `Dinas Kependudukan dan Pencatatan Sipil ${titled}`,
    place: titled.replace(/^(Kabupaten|Kota|Kab\.) /, ''),
  };
}

/** Orders members as a KK prints them: the head first, then by relationship and age. */
const RELATIONSHIP_ORDER: readonly Relationship[] = [
  Relationship.KEPALA_KELUARGA,
  Relationship.SUAMI,
  Relationship.ISTRI,
  Relationship.ANAK,
  Relationship.MENANTU,
  Relationship.CUCU,
  Relationship.ORANG_TUA,
  Relationship.MERTUA,
  Relationship.FAMILI_LAIN,
  Relationship.PEMBANTU,
  Relationship.LAINNYA,
];

function memberOf(person: PersonView): KartuKeluargaMember {
  return {
    fullName: person.fullName,
    nik: person.nik,
    sex: person.sex,
    birthPlace: person.birthPlace,
    birthDate: person.birthDate,
    religion: person.religion,
    education: (EDUCATION_LIST.match(person.education) ?? person.education) as Education,
    occupation: (OCCUPATION_LIST.match(person.occupation) ?? person.occupation) as Occupation,
    bloodType: person.bloodType,
    maritalStatus: person.maritalStatus,
    marriageDate: person.marriageDate,
    relationship: person.relationship ?? Relationship.LAINNYA,
    citizenship: person.citizenship,
    passportNumber: person.passportNumber,
    kitapNumber: person.kitapNumber,
    fatherName: person.fatherName,
    motherName: person.motherName,
  };
}

export function orderedMembers(family: FamilyView): PersonView[] {
  const rank = (p: PersonView): number => RELATIONSHIP_ORDER.indexOf(p.relationship ?? Relationship.LAINNYA);
  return [...family.members].sort((a, b) => rank(a) - rank(b) || a.birthDate.localeCompare(b.birthDate));
}

export function kartuKeluargaModel(
  family: FamilyView,
  details: Omit<IssuanceDetails, 'issuedAt'> & { issuedAt: Date },
  documentNumber?: string,
): KartuKeluargaModel {
  const members = orderedMembers(family);
  const head = family.members.find((m) => m.nik === family.headNik) ?? members[0];
  return {
    ...details,
    issuedAt: issueDateOf(details.issuedAt),
    familyCardNumber: family.familyCardNumber,
    headName: head?.fullName ?? '-',
    address: family.address,
    rt: family.rt,
    rw: family.rw,
    villageName: family.villageName.toUpperCase(),
    districtName: family.districtName.toUpperCase(),
    regencyName: family.regencyName.toUpperCase(),
    provinceName: family.provinceName.toUpperCase(),
    postalCode: family.postalCode,
    members: members.map(memberOf),
    documentNumber,
  };
}

export function aktaKelahiranModel(
  birth: BirthRecordFacts,
  certificateNumber: string,
  issuePlace: string,
  details: Omit<IssuanceDetails, 'issuedAt'> & { issuedAt: Date },
): AktaKelahiranModel {
  return {
    ...details,
    issuedAt: issueDateOf(details.issuedAt),
    certificateNumber,
    childNik: birth.childNik,
    childName: birth.childName,
    sex: birth.sex,
    birthPlace: birth.birthPlace.toUpperCase(),
    birthDate: birth.birthDate,
    birthOrder: birth.birthOrder,
    fatherName: birth.fatherName ?? '-',
    motherName: birth.motherName,
    issuePlace,
  };
}
