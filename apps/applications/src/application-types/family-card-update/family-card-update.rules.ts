import type { FamilyCardUpdateInput, FamilyView, PersonRecord } from '#lib/contracts';
import { MaritalStatus, marriageAgeProblem, NOT_APPLICANTS_FAMILY, Relationship, regionDirectory } from '#lib/domain';
import type { RuleOutcome } from '../application-type-rules.js';
import { isMember, Violations } from '../rule-helpers.js';

export interface FamilyUpdateFacts {
  family: FamilyView | undefined;
  persons: ReadonlyMap<string, PersonRecord>;
  /** The regency's local date (`YYYY-MM-DD`). */
  today: string;
}

const MARRIED: readonly MaritalStatus[] = [
  MaritalStatus.KAWIN_TERCATAT,
  MaritalStatus.KAWIN_BELUM_TERCATAT,
  MaritalStatus.CERAI_HIDUP_TERCATAT,
  MaritalStatus.CERAI_HIDUP_BELUM_TERCATAT,
  MaritalStatus.CERAI_MATI,
];

/**
 * FAMILY_CARD_UPDATE: a member applies, the people changed are in the KK, a move stays in the
 * regency, a marital status or marriage date keeps the marriage-age rule (UU 16/2019), and the
 * head's place in the family is not changed here.
 */
export function checkFamilyCardUpdate(
  input: FamilyCardUpdateInput,
  applicantNik: string,
  facts: FamilyUpdateFacts,
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
  // A KK the applicant is not in, or no KK of that number: the same one sentence (API.md).
  if (family === undefined || !isMember(family, applicantNik)) {
    v.add('familyCardNumber', NOT_APPLICANTS_FAMILY);
    return { violations: v.list };
  }
  changes.forEach((change, index) => {
    const field = `memberChanges[${index}]`;
    if (
      change.education === undefined &&
      change.occupation === undefined &&
      change.religion === undefined &&
      change.bloodType === undefined &&
      change.relationship === undefined &&
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
    if (change.marriageDate !== undefined && !MARRIED.includes(status)) {
      v.add(`${field}.marriageDate`, 'Tanggal perkawinan hanya untuk status perkawinan kawin atau cerai');
    } else if (change.maritalStatus !== undefined || change.marriageDate !== undefined) {
      const problem = marriageAgeProblem({
        sex: person.sex,
        birthDate: person.birthDate,
        maritalStatus: status,
        marriageDate: change.marriageDate,
        dispensationNumber: change.dispensationNumber,
        today: facts.today,
      });
      if (problem !== undefined)
        v.add(`${field}.${change.marriageDate === undefined ? 'maritalStatus' : 'marriageDate'}`, problem);
    }
    if (change.relationship !== undefined) {
      if (change.relationship === Relationship.KEPALA_KELUARGA || change.nik === family.headNik) {
        v.add(
          `${field}.relationship`,
          'Kepala keluarga tidak dapat diganti melalui perubahan data; gunakan layanan KK baru atau pencatatan kematian',
        );
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
