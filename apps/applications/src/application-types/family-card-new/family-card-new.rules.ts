import type { FamilyCardNewInput, FamilyView, PersonRecord } from '#lib/contracts';
import {
  AttachmentKind,
  MaritalStatus,
  marriageAgeProblem,
  PersonStatus,
  Relationship,
  regionDirectory,
  type ExpectedEvidence,
} from '#lib/domain';
import type { RuleOutcome } from '../application-type-rules.js';
import { Violations } from '../rule-helpers.js';

export interface NewFamilyFacts {
  persons: ReadonlyMap<string, PersonRecord>;
  /** The current families of the people named, by No. KK. */
  families: ReadonlyMap<string, FamilyView>;
  /** The regency's local date (`YYYY-MM-DD`). */
  today: string;
}

const SPOUSES: readonly string[] = [Relationship.SUAMI, Relationship.ISTRI];

/**
 * FAMILY_CARD_NEW: everyone exists and is ACTIVE; the applicant is among them; one head; a person
 * who heads another KK may leave it only together with all its other members, so that no KK is
 * left without its head; everyone lives in the new family's regency (someone from another regency
 * moves first: pindah datang); spouses are married — KAWIN_TERCATAT with a marriage date (buku
 * nikah) or KAWIN_BELUM_TERCATAT (SPTJM) — and old enough to be (the marriage-age rule). The
 * rules are spelled out for members of the applicant's own KK; for anyone else a broken rule is
 * one generic sentence on their NIK (API.md), since most people named come from other families.
 */
export function checkFamilyCardNew(
  input: FamilyCardNewInput,
  applicantNik: string,
  facts: NewFamilyFacts,
): RuleOutcome {
  const v = new Violations();
  const { persons, families } = facts;
  // The applicant's own KK: its members the applicant sees, so rules about them are spelled out;
  // about anyone else a rule is only "not accepted", on that person's NIK field.
  const applicantFamily = persons.get(applicantNik)?.familyCardNumber;
  const ownFamily = (nik: string): boolean =>
    nik === applicantNik || (applicantFamily !== undefined && persons.get(nik)?.familyCardNumber === applicantFamily);
  const nikField = (nik: string): string => {
    const index = input.members.findIndex((member) => member.nik === nik);
    return nik === input.headNik || index < 0 ? 'headNik' : `members[${index}].nik`;
  };
  const about = (nik: string, field: string, message: string): void => {
    if (ownFamily(nik)) v.add(field, message);
    else v.addOutsider(nikField(nik));
  };
  const active = (nik: string, field: string): void => {
    if (ownFamily(nik)) v.activePerson(persons, nik, field);
    else if (persons.get(nik)?.status !== PersonStatus.ACTIVE) v.addOutsider(nikField(nik));
  };
  active(input.headNik, 'headNik');
  input.members.forEach((member, index) => {
    const field = `members[${index}]`;
    active(member.nik, `${field}.nik`);
    if (member.nik === input.headNik && member.relationship !== Relationship.KEPALA_KELUARGA) {
      v.add(`${field}.relationship`, 'Kepala keluarga harus berstatus KEPALA_KELUARGA dalam KK baru');
    }
    if (member.nik !== input.headNik && member.relationship === Relationship.KEPALA_KELUARGA) {
      v.add(`${field}.relationship`, 'Hanya headNik yang dapat menjadi KEPALA_KELUARGA dalam KK baru');
    }
  });
  const newMembers = new Set([input.headNik, ...input.members.map((m) => m.nik)]);
  if (!newMembers.has(applicantNik)) {
    v.add('members', 'Pemohon harus kepala keluarga atau salah satu anggota KK baru');
  }
  const fields = new Map<string, string>();
  input.members.forEach((member, index) => fields.set(member.nik, `members[${index}].nik`));
  fields.set(input.headNik, 'headNik');
  for (const nik of newMembers) {
    const person = persons.get(nik);
    if (person?.familyCardNumber === undefined || person.relationship !== Relationship.KEPALA_KELUARGA) continue;
    const oldFamily = families.get(person.familyCardNumber);
    const staying = oldFamily?.members.filter((member) => !newMembers.has(member.nik)) ?? [];
    if (staying.length > 0) {
      about(
        nik,
        fields.get(nik) ?? 'members',
        'Penduduk ini adalah kepala keluarga pada KK lain yang masih memiliki anggota; KK tersebut harus diubah terlebih dahulu',
      );
    }
  }
  const regencyCode = regionDirectory().regencyOf(input.villageCode)?.code;
  if (regencyCode === undefined) v.add('villageCode', 'Kode desa/kelurahan tidak dikenal');

  const evidence: ExpectedEvidence[] = [];
  const hasSpouse = input.members.some((m) => SPOUSES.includes(m.relationship));
  const listed = new Map(input.members.map((member, index) => [member.nik, { member, index }]));
  for (const nik of newMembers) {
    const person = persons.get(nik);
    if (person === undefined) continue;
    const entry = listed.get(nik);
    const field = entry === undefined ? 'headNik' : `members[${entry.index}]`;
    if (regencyCode !== undefined && person.regencyCode !== undefined && person.regencyCode !== regencyCode) {
      about(
        nik,
        entry === undefined ? 'headNik' : `${field}.nik`,
        'Penduduk ini terdaftar di kabupaten/kota lain: ajukan pindah datang terlebih dahulu, lalu KK baru',
      );
    }
    const maritalStatus = entry?.member.maritalStatus ?? person.maritalStatus;
    const marriageDate = entry?.member.marriageDate ?? person.marriageDate ?? undefined;
    const isSpouse =
      entry !== undefined && SPOUSES.includes(entry.member.relationship) ? true : nik === input.headNik && hasSpouse;
    if (isSpouse) {
      if (maritalStatus === MaritalStatus.KAWIN_TERCATAT) {
        if (marriageDate === undefined) {
          about(
            nik,
            `${field}.marriageDate`,
            'Suami/istri berstatus kawin tercatat harus mencantumkan tanggal perkawinan',
          );
        } else if (!evidence.some((e) => e.kind === AttachmentKind.BUKU_NIKAH)) {
          evidence.push({
            kind: AttachmentKind.BUKU_NIKAH,
            reason: 'Buku nikah/akta perkawinan suami istri diperlukan',
          });
        }
      } else if (maritalStatus === MaritalStatus.KAWIN_BELUM_TERCATAT) {
        if (!evidence.some((e) => e.kind === AttachmentKind.SPTJM_PASANGAN_SUAMI_ISTRI)) {
          evidence.push({
            kind: AttachmentKind.SPTJM_PASANGAN_SUAMI_ISTRI,
            reason: 'SPTJM kebenaran sebagai pasangan suami istri diperlukan: perkawinan belum tercatat',
          });
        }
      } else {
        about(
          nik,
          `${field}.maritalStatus`,
          'Suami/istri dalam KK baru harus berstatus kawin tercatat (dengan tanggal perkawinan) atau kawin belum tercatat',
        );
      }
    }
    if (entry?.member.maritalStatus !== undefined || entry?.member.marriageDate !== undefined) {
      const problem = marriageAgeProblem({
        sex: person.sex,
        birthDate: person.birthDate,
        maritalStatus,
        marriageDate,
        dispensationNumber: entry.member.dispensationNumber,
        today: facts.today,
      });
      if (problem !== undefined) about(nik, `${field}.maritalStatus`, problem);
    }
  }
  return { violations: v.list, regencyCode, evidence };
}
