import type { BloodType, Citizenship, MaritalStatus, PersonStatus, Relationship, Religion, Sex } from '#lib/domain';

/** The fields of API.md "Person", in its order: what a read shows and the access log names. */
export const PERSON_FIELDS = [
  'nik',
  'fullName',
  'sex',
  'birthPlace',
  'birthDate',
  'religion',
  'education',
  'occupation',
  'bloodType',
  'maritalStatus',
  'marriageDate',
  'relationship',
  'citizenship',
  'passportNumber',
  'kitapNumber',
  'fatherName',
  'motherName',
  'status',
] as const;

/** The fields of API.md "Family" that a registry import carries with each person. */
export const FAMILY_FIELDS = ['familyCardNumber', 'address', 'rt', 'rw', 'villageCode', 'postalCode'] as const;

/** A person of the registry as API.md "Person" shows it. Optional fields are left out when empty. */
export interface PersonView {
  nik: string;
  fullName: string;
  sex: Sex;
  birthPlace: string;
  birthDate: string;
  religion: Religion;
  education: string;
  occupation: string;
  bloodType: BloodType;
  maritalStatus: MaritalStatus;
  marriageDate?: string;
  /** In the person's current family; absent when they belong to none. */
  relationship?: Relationship;
  citizenship: Citizenship;
  passportNumber?: string;
  kitapNumber?: string;
  fatherName: string;
  motherName: string;
  status: PersonStatus;
}

/** A person with where they belong now: what the other services need. */
export interface PersonRecord extends PersonView {
  familyCardNumber?: string;
  /** The regency of the current family's domicile (of the last family, for someone in none now). */
  regencyCode?: string;
}

/** A family as API.md "Family" shows it, with its members and the names of its regions. */
export interface FamilyView {
  familyCardNumber: string;
  address: string;
  rt: string;
  rw: string;
  villageCode: string;
  postalCode: string;
  headNik: string | null;
  villageName: string;
  districtCode: string;
  districtName: string;
  regencyCode: string;
  regencyName: string;
  provinceCode: string;
  provinceName: string;
  members: PersonView[];
}

export const AccessActorType = { STAFF: 'STAFF', AGENCY: 'AGENCY' } as const;
export type AccessActorType = (typeof AccessActorType)[keyof typeof AccessActorType];

/** One line of `GET /me/access-log`. */
export interface AccessLogItem {
  at: string;
  actor: string;
  actorType: AccessActorType;
  purpose: string;
  fields: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
}
