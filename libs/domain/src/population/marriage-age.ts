import { parseIsoDate } from '../calendar/calendar-date.js';
import { MaritalStatus, Sex } from '../enums/population.js';

/**
 * Marriage age (UU 1/1974 as amended by UU 16/2019): since 15 October 2019 both spouses must be
 * 19; before, men 19 and women 16. Held against what residents apply for (perubahan data, KK
 * baru), never against imported registry rows. Below the minimum only a court's dispensation
 * (dispensasi kawin) allows it.
 */

/** The day UU 16/2019 came into force. */
export const UU_16_2019_IN_FORCE = '2019-10-15';

const MARRIED_NOW: readonly MaritalStatus[] = [MaritalStatus.KAWIN_TERCATAT, MaritalStatus.KAWIN_BELUM_TERCATAT];

/** The minimum age at a marriage on `marriageDate` (`YYYY-MM-DD`). */
export function minimumMarriageAge(sex: Sex, marriageDate: string): number {
  return marriageDate >= UU_16_2019_IN_FORCE || sex === Sex.LAKI_LAKI ? 19 : 16;
}

/** Whole years from `birthDate` to `onDate`, both `YYYY-MM-DD`. */
export function ageOn(birthDate: string, onDate: string): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(onDate);
  if (birth === undefined || on === undefined) return Number.NaN;
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}

export interface MarriageFacts {
  sex: Sex;
  birthDate: string;
  /** The status as it will be (what was applied for, else the registry's). */
  maritalStatus: MaritalStatus;
  /** As it will be; absent when neither the application nor the registry knows it. */
  marriageDate?: string;
  dispensationNumber?: string;
  /** The regency's local date (`YYYY-MM-DD`). */
  today: string;
}

/**
 * What is wrong with a marriage applied for, in the resident's words; `undefined` when it holds.
 * The date is checked when given; without one, a status KAWIN_* is held to today's law.
 */
export function marriageAgeProblem(facts: MarriageFacts): string | undefined {
  const { marriageDate } = facts;
  if (marriageDate !== undefined) {
    if (marriageDate > facts.today) return 'Tanggal perkawinan tidak boleh di masa depan';
    if (marriageDate <= facts.birthDate) return 'Tanggal perkawinan harus setelah tanggal lahir';
  }
  const married = marriageDate !== undefined || MARRIED_NOW.includes(facts.maritalStatus);
  if (!married || hasDispensation(facts.dispensationNumber)) return undefined;
  const on = marriageDate ?? facts.today;
  const minimum = minimumMarriageAge(facts.sex, on);
  if (ageOn(facts.birthDate, on) < minimum) {
    return `Usia pada tanggal perkawinan di bawah ${minimum} tahun (UU 16/2019); lampirkan nomor penetapan dispensasi kawin dari pengadilan`;
  }
  return undefined;
}

function hasDispensation(number: string | undefined): boolean {
  return number !== undefined && number.trim() !== '';
}
