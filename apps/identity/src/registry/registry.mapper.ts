import type { FamilyView, PersonRecord, PersonView } from '#lib/contracts';
import {
  regionDirectory,
  type BloodType,
  type Citizenship,
  type MaritalStatus,
  type PersonStatus,
  type Relationship,
  type Religion,
  type Sex,
} from '#lib/domain';
import type { FamilyWithMembers, PersonRow } from './registry.rows.js';

/** Copies the fields API.md allows out of a row; a new column never leaks by accident. */
export function toPersonView(row: PersonRow): PersonView {
  const view: PersonView = {
    nik: row.nik,
    fullName: row.full_name,
    sex: row.sex as Sex,
    birthPlace: row.birth_place,
    birthDate: row.birth_date,
    religion: row.religion as Religion,
    education: row.education,
    occupation: row.occupation,
    bloodType: row.blood_type as BloodType,
    maritalStatus: row.marital_status as MaritalStatus,
    citizenship: row.citizenship as Citizenship,
    fatherName: row.father_name,
    motherName: row.mother_name,
    status: row.status as PersonStatus,
  };
  if (row.marriage_date !== null) view.marriageDate = row.marriage_date;
  if (row.relationship !== null) view.relationship = row.relationship as Relationship;
  if (row.passport_number !== null) view.passportNumber = row.passport_number;
  if (row.kitap_number !== null) view.kitapNumber = row.kitap_number;
  return view;
}

export function toPersonRecord(row: PersonRow): PersonRecord {
  const record: PersonRecord = toPersonView(row);
  if (row.family_card_number !== null) record.familyCardNumber = row.family_card_number;
  if (row.regency_code !== null) record.regencyCode = row.regency_code;
  return record;
}

/** A family with its members and the names of its village, district, regency and province. */
export function toFamilyView({ family, members }: FamilyWithMembers): FamilyView {
  const lineage = regionDirectory().lineage(family.village_code);
  const head = members.find((member) => member.relationship === 'KEPALA_KELUARGA');
  return {
    familyCardNumber: family.family_card_number,
    address: family.address,
    rt: family.rt,
    rw: family.rw,
    villageCode: family.village_code,
    postalCode: family.postal_code,
    headNik: head?.nik ?? null,
    villageName: lineage?.village?.upperName ?? '',
    districtCode: lineage?.district?.code ?? '',
    districtName: lineage?.district?.upperName ?? '',
    regencyCode: family.regency_code,
    regencyName: lineage?.regency?.upperName ?? '',
    provinceCode: lineage?.province.code ?? '',
    provinceName: lineage?.province.upperName ?? '',
    members: members.map(toPersonView),
  };
}
