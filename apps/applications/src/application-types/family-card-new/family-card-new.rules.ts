import type { FamilyCardNewInput, FamilyView, PersonRecord } from '#lib/contracts';
import { Relationship, regionDirectory } from '#lib/domain';
import type { RuleOutcome } from '../application-type-rules.js';
import { Violations } from '../rule-helpers.js';

export interface NewFamilyFacts {
  persons: ReadonlyMap<string, PersonRecord>;
  /** The current families of the people named, by No. KK. */
  families: ReadonlyMap<string, FamilyView>;
}

/**
 * FAMILY_CARD_NEW: everyone exists and is ACTIVE; the applicant is among them; one head; a person
 * who heads another KK may leave it only together with all its other members, so that no KK is
 * left without its head.
 */
export function checkFamilyCardNew(
  input: FamilyCardNewInput,
  applicantNik: string,
  facts: NewFamilyFacts,
): RuleOutcome {
  const v = new Violations();
  const { persons, families } = facts;
  v.activePerson(persons, input.headNik, 'headNik');
  input.members.forEach((member, index) => {
    const field = `members[${index}]`;
    v.activePerson(persons, member.nik, `${field}.nik`);
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
      v.add(
        fields.get(nik) ?? 'members',
        'Penduduk ini adalah kepala keluarga pada KK lain yang masih memiliki anggota; KK tersebut harus diubah terlebih dahulu',
      );
    }
  }
  const regencyCode = regionDirectory().regencyOf(input.villageCode)?.code;
  if (regencyCode === undefined) v.add('villageCode', 'Kode desa/kelurahan tidak dikenal');
  return { violations: v.list, regencyCode };
}
