import type { FamilyCardUpdateInput, FamilyView, PersonRecord } from '#lib/contracts';
import { MaritalStatus, regionDirectory } from '#lib/domain';
import type { RuleOutcome } from '../application-type-rules.js';
import { dayNumber, isMember, Violations } from '../rule-helpers.js';

export interface FamilyUpdateFacts {
  family: FamilyView | undefined;
  persons: ReadonlyMap<string, PersonRecord>;
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
