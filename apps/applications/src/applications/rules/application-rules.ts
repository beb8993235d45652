import type {
  BirthRegistrationInput,
  FamilyCardNewInput,
  FamilyCardReplacementInput,
  FamilyCardUpdateInput,
  FamilyView,
  PersonRecord,
  PersonView,
} from '#lib/contracts';
import {
  BirthType,
  MaritalStatus,
  nameSimilarity,
  parseIsoDate,
  PersonStatus,
  Relationship,
  regionDirectory,
  Sex,
  type FieldError,
} from '#lib/domain';

/**
 * The domain rules an application must meet before a clerk ever sees it (DOMAIN.md "Who may
 * apply" and "Checks"), as pure functions of what the registry said. Each broken rule is one
 * `{ field, message }` naming the field of the body it is about, in Bahasa Indonesia, without
 * a NIK in the text. The service asks the registry; these only judge.
 */

/** Names at or above this similarity are the same name (agency verification uses the same). */
export const SAME_NAME_THRESHOLD = 0.9;
const DAY_MS = 86_400_000;

export interface RuleOutcome {
  violations: FieldError[];
  /** The regency whose staff handle it: where the family concerned lives. */
  regencyCode?: string;
  /** The KK the application is about (none yet for a new family). */
  familyCardNumber?: string;
}

/** A birth another application already reports, not yet rejected or cancelled. */
export interface PendingBirth {
  motherNik: string;
  childName: string;
  birthDate: string;
}

export interface BirthFacts {
  family: FamilyView | undefined;
  persons: ReadonlyMap<string, PersonRecord>;
  pendingBirths: readonly PendingBirth[];
}

export interface NewFamilyFacts {
  persons: ReadonlyMap<string, PersonRecord>;
  /** The current families of the people named, by No. KK. */
  families: ReadonlyMap<string, FamilyView>;
}

export interface FamilyFacts {
  family: FamilyView | undefined;
  persons: ReadonlyMap<string, PersonRecord>;
}

class Violations {
  readonly list: FieldError[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  /** The person must exist and be ACTIVE; returns them when they do. */
  activePerson(persons: ReadonlyMap<string, PersonRecord>, nik: string, field: string): PersonRecord | undefined {
    const person = persons.get(nik);
    if (person === undefined) {
      this.add(field, 'NIK tidak terdaftar dalam database kependudukan');
      return undefined;
    }
    if (person.status !== PersonStatus.ACTIVE) {
      this.add(field, `Penduduk dengan NIK ini tidak berstatus aktif (${statusWord(person.status)})`);
      return undefined;
    }
    return person;
  }
}

function statusWord(status: PersonStatus): string {
  switch (status) {
    case PersonStatus.ACTIVE:
      return 'aktif';
    case PersonStatus.DECEASED:
      return 'meninggal dunia';
    case PersonStatus.MOVED_OUT:
      return 'pindah keluar';
  }
}

function dayNumber(isoDate: string): number {
  const date = parseIsoDate(isoDate);
  return date === undefined ? Number.NaN : Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

function withinADay(a: string, b: string): boolean {
  return Math.abs(dayNumber(a) - dayNumber(b)) <= 1;
}

function isMember(family: FamilyView, nik: string): boolean {
  return family.members.some((member) => member.nik === nik);
}

function isTwinBirth(birthType: BirthType | undefined): boolean {
  return birthType === BirthType.KEMBAR_2 || birthType === BirthType.KEMBAR_3 || birthType === BirthType.KEMBAR_4;
}

/**
 * The mother's children on record in the KK: members recorded as ANAK whose mother's name is
 * hers (the registry records parents by name, as the KK prints them).
 */
export function childrenOfMother(family: FamilyView, mother: PersonView): PersonView[] {
  return family.members.filter(
    (member) =>
      member.relationship === Relationship.ANAK &&
      member.nik !== mother.nik &&
      nameSimilarity(member.motherName, mother.fullName) >= SAME_NAME_THRESHOLD,
  );
}

/** BIRTH_REGISTRATION: parents in the KK, applicant a parent or the head, no duplicate, order fits. */
export function checkBirthRegistration(
  input: BirthRegistrationInput,
  applicantNik: string,
  facts: BirthFacts,
): RuleOutcome {
  const v = new Violations();
  const { family, persons } = facts;
  const father = v.activePerson(persons, input.fatherNik, 'fatherNik');
  const mother = v.activePerson(persons, input.motherNik, 'motherNik');
  (input.witnessNiks ?? []).forEach((nik, index) => v.activePerson(persons, nik, `witnessNiks[${index}]`));
  if (father !== undefined && father.sex !== Sex.LAKI_LAKI) v.add('fatherNik', 'NIK ayah bukan NIK laki-laki');
  if (mother !== undefined && mother.sex !== Sex.PEREMPUAN) v.add('motherNik', 'NIK ibu bukan NIK perempuan');
  if (input.fatherNik === input.motherNik) v.add('fatherNik', 'NIK ayah dan NIK ibu tidak boleh sama');
  if ((input.witnessNiks ?? []).some((nik) => nik === input.fatherNik || nik === input.motherNik)) {
    v.add('witnessNiks', 'Saksi tidak boleh ayah atau ibu dari anak');
  }
  const child = input.child;
  for (const [parent, field] of [
    [father, 'fatherNik'],
    [mother, 'motherNik'],
  ] as const) {
    if (parent !== undefined && dayNumber(parent.birthDate) >= dayNumber(child.birthDate)) {
      v.add(field, 'Tanggal lahir anak harus setelah tanggal lahir orang tuanya');
    }
  }

  if (family === undefined) {
    v.add('familyCardNumber', 'Nomor KK tidak terdaftar');
    return { violations: v.list };
  }
  if (father !== undefined && !isMember(family, father.nik)) v.add('fatherNik', 'Ayah bukan anggota KK ini');
  if (mother !== undefined && !isMember(family, mother.nik)) v.add('motherNik', 'Ibu bukan anggota KK ini');
  const applicantMayReport =
    family.headNik === applicantNik ||
    ((applicantNik === input.fatherNik || applicantNik === input.motherNik) && isMember(family, applicantNik));
  if (!applicantMayReport) {
    v.add('familyCardNumber', 'Pemohon harus ayah atau ibu anak yang terdaftar dalam KK ini, atau kepala keluarganya');
  }

  const twins = isTwinBirth(child.birthType);
  // Already registered: anyone in the KK with a similar name born within a day of the child.
  // Twins share a birth date, so only a similar name makes a duplicate.
  const registered = family.members.find(
    (member) =>
      withinADay(member.birthDate, child.birthDate) &&
      nameSimilarity(member.fullName, child.fullName) >= SAME_NAME_THRESHOLD,
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
        nameSimilarity(pending.childName, child.fullName) >= SAME_NAME_THRESHOLD,
    )
  ) {
    v.add('child.fullName', 'Kemungkinan duplikat: kelahiran anak ini sudah diajukan dalam permohonan lain');
  }

  if (mother !== undefined && isMember(family, mother.nik)) {
    const siblings = childrenOfMother(family, mother).filter((sibling) => sibling !== registered);
    const childDay = dayNumber(child.birthDate);
    // A single birth comes after every sibling born up to its day; twins may share an order
    // with, or follow, the siblings born within a day of them.
    const older = siblings.filter((s) =>
      twins ? dayNumber(s.birthDate) < childDay - 1 : dayNumber(s.birthDate) <= childDay,
    ).length;
    const sameBirth = twins ? siblings.filter((s) => withinADay(s.birthDate, child.birthDate)).length : 0;
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
  return { violations: v.list, regencyCode: family.regencyCode, familyCardNumber: family.familyCardNumber };
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

const MARRIED: readonly MaritalStatus[] = [
  MaritalStatus.KAWIN_TERCATAT,
  MaritalStatus.KAWIN_BELUM_TERCATAT,
  MaritalStatus.CERAI_HIDUP_TERCATAT,
  MaritalStatus.CERAI_HIDUP_BELUM_TERCATAT,
  MaritalStatus.CERAI_MATI,
];

/** FAMILY_CARD_UPDATE: a member applies, the people changed are in the KK, a move stays in the regency. */
export function checkFamilyCardUpdate(
  input: FamilyCardUpdateInput,
  applicantNik: string,
  facts: FamilyFacts,
): RuleOutcome {
  const v = new Violations();
  const { family, persons } = facts;
  const changes = input.memberChanges ?? [];
  const addressChanged = [input.address, input.rt, input.rw, input.villageCode, input.postalCode].some(
    (value) => value !== undefined,
  );
  if (!addressChanged && changes.length === 0) {
    v.add('memberChanges', 'Tidak ada perubahan data yang diajukan');
  }
  if (family === undefined) {
    v.add('familyCardNumber', 'Nomor KK tidak terdaftar');
    return { violations: v.list };
  }
  if (!isMember(family, applicantNik)) v.add('familyCardNumber', 'Pemohon bukan anggota KK ini');
  changes.forEach((change, index) => {
    const field = `memberChanges[${index}]`;
    if (
      change.education === undefined &&
      change.occupation === undefined &&
      change.maritalStatus === undefined &&
      change.marriageDate === undefined
    ) {
      v.add(field, 'Tidak ada data yang diubah untuk anggota ini');
    }
    if (!isMember(family, change.nik)) {
      v.add(`${field}.nik`, 'Penduduk ini bukan anggota KK ini');
      return;
    }
    const person = v.activePerson(persons, change.nik, `${field}.nik`);
    if (person === undefined) return;
    const status = change.maritalStatus ?? person.maritalStatus;
    if (change.marriageDate !== undefined) {
      if (!MARRIED.includes(status)) {
        v.add(`${field}.marriageDate`, 'Tanggal perkawinan hanya untuk status perkawinan kawin atau cerai');
      } else if (dayNumber(change.marriageDate) <= dayNumber(person.birthDate)) {
        v.add(`${field}.marriageDate`, 'Tanggal perkawinan harus setelah tanggal lahir');
      }
    }
  });
  if (input.villageCode !== undefined) {
    const regency = regionDirectory().regencyOf(input.villageCode)?.code;
    if (regency !== family.regencyCode) {
      v.add(
        'villageCode',
        'Perubahan alamat hanya di dalam kabupaten/kota yang sama; pindah keluar memakai layanan lain',
      );
    }
  }
  return { violations: v.list, regencyCode: family.regencyCode, familyCardNumber: family.familyCardNumber };
}

/** FAMILY_CARD_REPLACEMENT: the KK exists and the applicant is in it. */
export function checkFamilyCardReplacement(
  input: FamilyCardReplacementInput,
  applicantNik: string,
  facts: FamilyFacts,
): RuleOutcome {
  const v = new Violations();
  if (facts.family === undefined) {
    v.add('familyCardNumber', 'Nomor KK tidak terdaftar');
    return { violations: v.list };
  }
  if (!isMember(facts.family, applicantNik)) v.add('familyCardNumber', 'Pemohon bukan anggota KK ini');
  return {
    violations: v.list,
    regencyCode: facts.family.regencyCode,
    familyCardNumber: facts.family.familyCardNumber,
  };
}
