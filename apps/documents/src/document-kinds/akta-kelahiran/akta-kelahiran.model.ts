import type { BirthRecordFacts } from '#lib/contracts';
import { BirthParents, type Citizenship, type Sex } from '#lib/domain';
import type { IssuanceDetails } from '../../rendering/document-models.js';
import { issueDateOf } from '../../rendering/print-labels.js';

export interface AktaKelahiranModel extends IssuanceDetails {
  /** `1602-LU-28112026-0001` */
  certificateNumber: string;
  childNik: string;
  childName: string;
  sex: Sex;
  /** City or regency of birth as printed: `KAYUAGUNG`, `PALEMBANG`. */
  birthPlace: string;
  /** `YYYY-MM-DD`, printed in words. */
  birthDate: string;
  /** 1 for the first child; printed in words (`anak ke-DUA`). */
  birthOrder: number;
  /** Absent when the akta names the mother only. */
  fatherName?: string;
  motherName: string;
  /** Which parents the sentence names, and how (DOMAIN.md "Parents on the birth record"). */
  parents: BirthParents;
  /** Place of issue, printed before the date: `Kayuagung`. */
  issuePlace: string;
  /** Printed as "WARGA NEGARA"; a child registered here is normally `WNI` (the default). */
  citizenship?: Citizenship;
}

export function aktaKelahiranModel(
  birth: BirthRecordFacts,
  certificateNumber: string,
  issuePlace: string,
  details: Omit<IssuanceDetails, 'issuedAt'> & { issuedAt: Date },
): AktaKelahiranModel {
  return {
    ...details,
    issuedAt: issueDateOf(details.issuedAt),
    certificateNumber,
    childNik: birth.childNik,
    childName: birth.childName,
    sex: birth.sex,
    birthPlace: birth.birthPlace.toUpperCase(),
    birthDate: birth.birthDate,
    birthOrder: birth.birthOrder,
    ...(birth.fatherName === undefined || birth.fatherName === '' ? {} : { fatherName: birth.fatherName }),
    motherName: birth.motherName,
    parents:
      birth.fatherName === undefined || birth.fatherName === ''
        ? BirthParents.MOTHER_ONLY
        : (birth.parents ?? BirthParents.MARRIED),
    issuePlace,
  };
}
