import type { BirthRegistrationInput, FamilyView, PersonRecord, PersonView } from '#lib/contracts';
import {
  birthEvidence,
  birthParentsOf,
  isMultipleBirth,
  nameSimilarity,
  newRecordNameProblem,
  normalizeName,
  NOT_APPLICANTS_FAMILY,
  parentsEvidence,
  PersonStatus,
  Sex,
  WITNESS_NOT_ACCEPTED,
} from '#lib/domain';
import type { RuleOutcome } from '../application-type-rules.js';
import { dayNumber, isMember, SAME_NAME_THRESHOLD, Violations, withinADay } from '../rule-helpers.js';

/** A birth another application already reports, not yet rejected or cancelled. */
export interface PendingBirth {
  motherNik: string;
  childName: string;
  birthDate: string;
  /** Reported as twins (or more): shares the birth, never a duplicate of its twin. */
  multiple: boolean;
}

export interface BirthFacts {
  family: FamilyView | undefined;
  persons: ReadonlyMap<string, PersonRecord>;
  pendingBirths: readonly PendingBirth[];
}

/**
 * The mother's children on record in the KK: members whose mother's name is hers (the registry
 * records parents by name, as the KK prints them), whatever their place in the KK (ANAK, CUCU).
 */
export function childrenOfMother(family: FamilyView, mother: PersonView): PersonView[] {
  return family.members.filter(
    (member) => member.nik !== mother.nik && nameSimilarity(member.motherName, mother.fullName) >= SAME_NAME_THRESHOLD,
  );
}

/**
 * BIRTH_REGISTRATION, judged only against the applicant's own KK (nothing is said about a KK the
 * applicant is not in, nor about a witness beyond "not accepted"): parents in the KK, applicant a parent or the head, a name that may be
 * recorded, no duplicate (a twin never duplicates its twin), order fits the siblings on record and
 * pending; the evidence the clerk must see follows from the parents named and the birth letter.
 */
export function checkBirthRegistration(
  input: BirthRegistrationInput,
  applicantNik: string,
  facts: BirthFacts,
): RuleOutcome {
  const v = new Violations();
  const { family, persons } = facts;
  const child = input.child;
  // Facts the body alone gives: said as they are.
  (input.witnessNiks ?? []).forEach((nik, index) => {
    if (persons.get(nik)?.status !== PersonStatus.ACTIVE) v.add(`witnessNiks[${index}]`, WITNESS_NOT_ACCEPTED);
  });
  if (input.fatherNik === input.motherNik) v.add('fatherNik', 'NIK ayah dan NIK ibu tidak boleh sama');
  if ((input.witnessNiks ?? []).some((nik) => nik === input.fatherNik || nik === input.motherNik)) {
    v.add('witnessNiks', 'Saksi tidak boleh ayah atau ibu dari anak');
  }
  const nameProblem = newRecordNameProblem(child.fullName);
  if (nameProblem !== undefined) v.add('child.fullName', nameProblem);

  // A KK the applicant is not in: not a word about it or about the parents named in it.
  if (family === undefined || !isMember(family, applicantNik)) {
    v.add('familyCardNumber', NOT_APPLICANTS_FAMILY);
    return { violations: v.list };
  }
  // The parents must be members of the applicant's own KK, whose members the applicant sees: a
  // parent outside it is named as such, whatever the registry knows of them.
  const parent = (nik: string | undefined, field: string, sex: Sex, words: string): PersonRecord | undefined => {
    if (nik === undefined) return undefined;
    if (!isMember(family, nik)) {
      v.add(field, `${words} bukan anggota KK ini`);
      return undefined;
    }
    const person = v.activePerson(persons, nik, field);
    if (person === undefined) return undefined;
    if (person.sex !== sex)
      v.add(field, `NIK ${words.toLowerCase()} bukan NIK ${sex === Sex.LAKI_LAKI ? 'laki-laki' : 'perempuan'}`);
    if (dayNumber(person.birthDate) >= dayNumber(child.birthDate)) {
      v.add(field, 'Tanggal lahir anak harus setelah tanggal lahir orang tuanya');
    }
    return person;
  };
  const father = parent(input.fatherNik, 'fatherNik', Sex.LAKI_LAKI, 'Ayah');
  const mother = parent(input.motherNik, 'motherNik', Sex.PEREMPUAN, 'Ibu');
  const applicantMayReport =
    family.headNik === applicantNik || applicantNik === input.fatherNik || applicantNik === input.motherNik;
  if (!applicantMayReport) {
    v.add('familyCardNumber', 'Pemohon harus ayah atau ibu anak yang terdaftar dalam KK ini, atau kepala keluarganya');
  }

  const twins = isMultipleBirth(child.birthType);
  // Already registered: anyone in the KK with a similar name born within a day of the child.
  // Twins share a birth date and often a name but for a letter (PUTRA/PUTRI): for a twin only
  // the same name is a duplicate.
  const sameName = (a: string, b: string, multiple: boolean): boolean =>
    multiple ? normalizeName(a) === normalizeName(b) : nameSimilarity(a, b) >= SAME_NAME_THRESHOLD;
  const registered = family.members.find(
    (member) => withinADay(member.birthDate, child.birthDate) && sameName(member.fullName, child.fullName, twins),
  );
  if (registered !== undefined) {
    v.add(
      'child.fullName',
      'Kemungkinan duplikat: anak dengan nama dan tanggal lahir serupa sudah tercatat dalam KK ini',
    );
  } else if (
    facts.pendingBirths.some(
      (pending) =>
        pending.motherNik === input.motherNik &&
        withinADay(pending.birthDate, child.birthDate) &&
        sameName(pending.childName, child.fullName, twins && pending.multiple),
    )
  ) {
    v.add('child.fullName', 'Kemungkinan duplikat: kelahiran anak ini sudah diajukan dalam permohonan lain');
  }

  if (mother !== undefined) {
    const siblings = childrenOfMother(family, mother).filter((sibling) => sibling !== registered);
    const childDay = dayNumber(child.birthDate);
    // A single birth comes after every sibling born up to its day; twins may share an order
    // with, or follow, the siblings born within a day of them.
    const older = siblings.filter((s) =>
      twins ? dayNumber(s.birthDate) < childDay - 1 : dayNumber(s.birthDate) <= childDay,
    ).length;
    // Twins reported together but not yet registered share the birth too.
    const pendingTwins = twins
      ? facts.pendingBirths.filter(
          (p) => p.multiple && p.motherNik === input.motherNik && withinADay(p.birthDate, child.birthDate),
        ).length
      : 0;
    const sameBirth =
      (twins ? siblings.filter((s) => withinADay(s.birthDate, child.birthDate)).length : 0) + pendingTwins;
    const lowest = older + 1;
    const highest = older + sameBirth + 1;
    if (child.birthOrder < lowest || child.birthOrder > highest) {
      const expected = lowest === highest ? `${lowest}` : `antara ${lowest} dan ${highest}`;
      v.add(
        'child.birthOrder',
        `Urutan kelahiran tidak sesuai dengan saudara kandung yang tercatat: ibu memiliki ${older + sameBirth} anak tercatat sebelumnya, seharusnya anak ke-${expected}`,
      );
    }
  }
  const evidence = [
    birthEvidence(input.birthLetterNumber),
    ...(mother === undefined ? [] : parentsEvidence(birthParentsOf(father, mother))),
  ];
  return {
    violations: v.list,
    regencyCode: family.regencyCode,
    familyCardNumber: family.familyCardNumber,
    evidence,
  };
}
