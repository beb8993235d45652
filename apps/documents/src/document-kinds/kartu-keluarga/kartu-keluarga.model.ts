import type { FamilyView, PersonView } from '#lib/contracts';
import {
  EDUCATION_LIST,
  OCCUPATION_LIST,
  Relationship,
  type BloodType,
  type Citizenship,
  type Education,
  type MaritalStatus,
  type Occupation,
  type Religion,
  type Sex,
} from '#lib/domain';
import type { IssuanceDetails } from '../../rendering/document-models.js';
import { issueDateOf } from '../../rendering/print-labels.js';

export interface KartuKeluargaMember {
  fullName: string;
  nik: string;
  sex: Sex;
  birthPlace: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  religion: Religion;
  education: Education;
  occupation: Occupation;
  bloodType: BloodType;
  maritalStatus: MaritalStatus;
  /** `YYYY-MM-DD` */
  marriageDate?: string;
  relationship: Relationship;
  citizenship: Citizenship;
  passportNumber?: string;
  kitapNumber?: string;
  fatherName: string;
  motherName: string;
}

export interface KartuKeluargaModel extends IssuanceDetails {
  /** No. KK, 16 digits. */
  familyCardNumber: string;
  headName: string;
  address: string;
  rt: string;
  rw: string;
  villageName: string;
  districtName: string;
  regencyName: string;
  provinceName: string;
  postalCode: string;
  /** In the order printed (head first, as SIAK orders them). */
  members: KartuKeluargaMember[];
  /** The service's own document number, printed small in the footer when given. */
  documentNumber?: string;
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
