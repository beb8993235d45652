import type { FamilyView, PersonRecord } from '#lib/contracts';
import { parseIsoDate, PERSON_NOT_ACCEPTED, PersonStatus, type FieldError } from '#lib/domain';

/**
 * What the rules of several types share. Each broken rule is one `{ field, message }` naming the
 * field of the body it is about, in Bahasa Indonesia, without a NIK in the text (DOMAIN.md "Who
 * may apply" and "Checks").
 */

/** Names at or above this similarity are the same name (agency verification uses the same). */
export const SAME_NAME_THRESHOLD = 0.9;
const DAY_MS = 86_400_000;

export class Violations {
  readonly list: FieldError[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  /**
   * A rule broken by someone outside the applicant's family: whatever the rule, only the generic
   * sentence, once per field (API.md: a 422 never tells facts about strangers).
   */
  addOutsider(field: string): void {
    if (!this.list.some((e) => e.field === field && e.message === PERSON_NOT_ACCEPTED)) {
      this.list.push({ field, message: PERSON_NOT_ACCEPTED });
    }
  }

  /**
   * The person must exist and be ACTIVE; returns them when they do. Only for people of the
   * applicant's own family: the message names their status.
   */
  activePerson(persons: ReadonlyMap<string, PersonRecord>, nik: string, field: string): PersonRecord | undefined {
    const person = persons.get(nik);
    if (person === undefined) {
      this.add(field, 'NIK tidak terdaftar dalam data kependudukan');
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

/** Days since 1970 of a `YYYY-MM-DD` date (NaN when it is not one). */
export function dayNumber(isoDate: string): number {
  const date = parseIsoDate(isoDate);
  return date === undefined ? Number.NaN : Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

export function withinADay(a: string, b: string): boolean {
  return Math.abs(dayNumber(a) - dayNumber(b)) <= 1;
}

export function isMember(family: FamilyView, nik: string): boolean {
  return family.members.some((member) => member.nik === nik);
}
