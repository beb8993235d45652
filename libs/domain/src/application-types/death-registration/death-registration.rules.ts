import { dateKey, parseIsoDate } from '../../calendar/calendar-date.js';
import { MaritalStatus, PersonStatus, Relationship } from '../../enums/population.js';
import type { FieldError } from '../../errors/index.js';
import { NOT_APPLICANTS_FAMILY, WITNESS_NOT_ACCEPTED } from '../outside-family.js';

/**
 * The rules of a death report (DOMAIN.md "Death registration"): the checks it must
 * pass before a clerk sees it, and what its approval changes in the family — as pure functions
 * of what the registry said. Messages are in Bahasa Indonesia and never carry a NIK; a rule
 * about someone outside the applicant's family is one generic message, so a refusal never
 * tells a resident whether a stranger's NIK exists, is deceased or heads a family (API.md).
 */

/** Wajib KTP (UU 24/2013): 17 years old, or married now or before. */
export const ADULT_AGE_YEARS = 17;

/** The fields of a report the rules judge (the body of API.md `DEATH_REGISTRATION`). */
export interface DeathReport {
  familyCardNumber: string;
  deceasedNik: string;
  /** `YYYY-MM-DD` */
  dateOfDeath: string;
  newHeadNik?: string;
  witnessNiks?: readonly string[];
}

/** A member of the family as the registry shows them. */
export interface DeathFamilyMember {
  nik: string;
  birthDate: string;
  status: PersonStatus;
  maritalStatus: MaritalStatus;
  relationship?: Relationship;
}

export interface DeathFamily {
  familyCardNumber: string;
  regencyCode: string;
  headNik: string | null;
  members: readonly DeathFamilyMember[];
}

export interface DeathFacts {
  /** The KK reported on; undefined when the registry has none of that number. */
  family: DeathFamily | undefined;
  /** The witnesses the registry knows, by NIK (unknown NIKs are absent). */
  witnesses: ReadonlyMap<string, { status: PersonStatus }>;
  /** Today in the family's regency (`YYYY-MM-DD`). */
  today: string;
  /** The deceased named by the family's other open death reports (a death is reported once). */
  reportedDeaths?: ReadonlySet<string>;
}

export interface DeathRuleOutcome {
  violations: FieldError[];
  /** The regency whose staff handle it: where the family lives. */
  regencyCode?: string;
  familyCardNumber?: string;
}

function dayKeyOf(isoDate: string): number {
  const date = parseIsoDate(isoDate);
  return date === undefined ? Number.NaN : dateKey(date.year, date.month, date.day);
}

/** Whether the person is grown up on `today`: 17 or older, or married now or before. */
export function isAdult(person: Pick<DeathFamilyMember, 'birthDate' | 'maritalStatus'>, today: string): boolean {
  if (person.maritalStatus !== MaritalStatus.BELUM_KAWIN) return true;
  return dayKeyOf(today) - dayKeyOf(person.birthDate) >= ADULT_AGE_YEARS * 10000;
}

/** Whether the member heads the family (by the KK's head, or by their relationship). */
function heads(family: DeathFamily, member: DeathFamilyMember): boolean {
  return family.headNik === member.nik || member.relationship === Relationship.KEPALA_KELUARGA;
}

/** DEATH_REGISTRATION: judged only against the applicant's own family (see above). */
export function checkDeathRegistration(report: DeathReport, applicantNik: string, facts: DeathFacts): DeathRuleOutcome {
  const violations: FieldError[] = [];
  const add = (field: string, message: string): void => {
    violations.push({ field, message });
  };
  const { family, today } = facts;
  const member = (nik: string | undefined): DeathFamilyMember | undefined => family?.members.find((m) => m.nik === nik);

  (report.witnessNiks ?? []).forEach((nik, index) => {
    const field = `witnessNiks[${index}]`;
    if (nik === report.deceasedNik) add(field, 'Saksi tidak boleh penduduk yang meninggal');
    else if (facts.witnesses.get(nik)?.status !== PersonStatus.ACTIVE) add(field, WITNESS_NOT_ACCEPTED);
  });
  if (Number.isNaN(dayKeyOf(report.dateOfDeath))) add('dateOfDeath', 'Tanggal kematian bukan tanggal yang sah');
  else if (dayKeyOf(report.dateOfDeath) > dayKeyOf(today))
    add('dateOfDeath', 'Tanggal kematian tidak boleh di masa depan');

  if (family === undefined || member(applicantNik) === undefined) {
    add('familyCardNumber', NOT_APPLICANTS_FAMILY);
    return { violations };
  }
  const outcome = { violations, regencyCode: family.regencyCode, familyCardNumber: family.familyCardNumber };
  const deceased = member(report.deceasedNik);
  if (deceased === undefined) {
    add('deceasedNik', 'Penduduk yang dilaporkan meninggal bukan anggota Kartu Keluarga ini');
    return outcome;
  }
  if (deceased.status !== PersonStatus.ACTIVE) {
    add('deceasedNik', 'Penduduk yang dilaporkan tidak berstatus aktif (mungkin sudah tercatat meninggal)');
  }
  if (report.deceasedNik === applicantNik) {
    add('deceasedNik', 'Pemohon tidak dapat melaporkan kematian dirinya sendiri');
  }
  if (facts.reportedDeaths?.has(report.deceasedNik) === true) {
    add('deceasedNik', 'Kematian penduduk ini sudah dilaporkan dalam permohonan lain yang sedang diproses');
  }
  if (dayKeyOf(report.dateOfDeath) < dayKeyOf(deceased.birthDate)) {
    add('dateOfDeath', 'Tanggal kematian tidak boleh sebelum tanggal lahir');
  }

  if (!heads(family, deceased)) {
    if (report.newHeadNik !== undefined) {
      add('newHeadNik', 'Kepala keluarga baru hanya disebut bila yang meninggal adalah kepala keluarga');
    }
    return outcome;
  }
  if (report.newHeadNik === undefined) {
    add(
      'newHeadNik',
      'Yang meninggal adalah kepala keluarga: sebutkan anggota keluarga yang menjadi kepala keluarga baru',
    );
    return outcome;
  }
  const newHead = member(report.newHeadNik);
  if (report.newHeadNik === report.deceasedNik) {
    add('newHeadNik', 'Kepala keluarga baru tidak boleh penduduk yang meninggal');
  } else if (newHead === undefined) {
    add('newHeadNik', 'Kepala keluarga baru harus anggota Kartu Keluarga ini');
  } else if (newHead.status !== PersonStatus.ACTIVE) {
    add('newHeadNik', 'Kepala keluarga baru harus penduduk yang berstatus aktif');
  } else if (!isAdult(newHead, today)) {
    add('newHeadNik', 'Kepala keluarga baru harus sudah dewasa: berumur 17 tahun atau sudah/pernah kawin');
  }
  return outcome;
}

const MARRIED: readonly MaritalStatus[] = [MaritalStatus.KAWIN_TERCATAT, MaritalStatus.KAWIN_BELUM_TERCATAT];

/** What the approval of a death changes in the family. */
export interface DeathRegistryChange {
  /** Becomes DECEASED and leaves the KK. */
  deceasedNik: string;
  /** Surviving spouses in the KK: they become CERAI_MATI. */
  widowedNiks: string[];
  /** Becomes KEPALA_KELUARGA (when the deceased headed the family). */
  newHeadNik?: string;
}

/**
 * The surviving spouse is whoever was married to the deceased within the KK: the head's wife or
 * husband (SUAMI/ISTRI) when the head died, the (married) head when a SUAMI/ISTRI died. Only a
 * spouse still married becomes CERAI_MATI; others keep their relationship and status.
 */
export function deathRegistryChange(
  family: DeathFamily,
  report: Pick<DeathReport, 'deceasedNik' | 'newHeadNik'>,
): DeathRegistryChange {
  const deceased = family.members.find((m) => m.nik === report.deceasedNik);
  const spouseRelationships: readonly (Relationship | undefined)[] = [Relationship.SUAMI, Relationship.ISTRI];
  const deceasedHeads = deceased !== undefined && heads(family, deceased);
  const deceasedIsSpouse = deceased !== undefined && spouseRelationships.includes(deceased.relationship);
  const widowed = family.members.filter(
    (m) =>
      m.nik !== report.deceasedNik &&
      MARRIED.includes(m.maritalStatus) &&
      ((deceasedHeads && spouseRelationships.includes(m.relationship)) || (deceasedIsSpouse && heads(family, m))),
  );
  return {
    deceasedNik: report.deceasedNik,
    widowedNiks: widowed.map((m) => m.nik),
    ...(deceasedHeads && report.newHeadNik !== undefined ? { newHeadNik: report.newHeadNik } : {}),
  };
}
