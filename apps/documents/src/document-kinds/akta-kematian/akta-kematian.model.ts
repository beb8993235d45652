import type { DeathRecordFacts } from '#lib/contracts';
import type { Citizenship, Sex } from '#lib/domain';
import type { IssuanceDetails } from '../../rendering/document-models.js';
import { issueDateOf } from '../../rendering/print-labels.js';

/** What a Kutipan Akta Kematian prints, resolved by the issuing service. */
export interface AktaKematianModel extends IssuanceDetails {
  /** `1602-KM-28112026-0001` */
  certificateNumber: string;
  deceasedNik: string;
  deceasedName: string;
  sex: Sex;
  /** City or regency of birth as printed: `PALEMBANG`. */
  birthPlace: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  /** City or regency of death as printed: `KAYUAGUNG`. */
  placeOfDeath: string;
  /** `YYYY-MM-DD`, printed in words. */
  dateOfDeath: string;
  /** `HH:mm` local time, printed when known. */
  timeOfDeath?: string;
  /** Place of issue, printed before the date: `Kayuagung`. */
  issuePlace: string;
  citizenship?: Citizenship;
}

export function aktaKematianModel(
  death: DeathRecordFacts,
  certificateNumber: string,
  issuePlace: string,
  details: Omit<IssuanceDetails, 'issuedAt'> & { issuedAt: Date },
): AktaKematianModel {
  return {
    ...details,
    issuedAt: issueDateOf(details.issuedAt),
    certificateNumber,
    deceasedNik: death.deceasedNik,
    deceasedName: death.deceasedName,
    sex: death.sex,
    birthPlace: death.birthPlace.toUpperCase(),
    birthDate: death.birthDate,
    placeOfDeath: death.placeOfDeath.toUpperCase(),
    dateOfDeath: death.dateOfDeath,
    timeOfDeath: death.timeOfDeath,
    issuePlace,
  };
}
