import type { DeathRecordFacts } from '#lib/contracts';
import { DocumentKind, formatDeathCertificateNumber } from '#lib/domain';
import type { IssuanceDetails } from '../../rendering/document-models.js';
import { issueDateOf } from '../../rendering/print-labels.js';
import type { DocumentIssuer } from '../document-issuer.js';
import { renderAktaKematian, type AktaKematianModel } from './akta-kematian.renderer.js';

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

/**
 * Kutipan Akta Kematian: one per deceased, numbered `RRRR-KM-DDMMYYYY-NNNN` once (the serial of
 * the regency and registration day). The family the deceased left may read it, and so may a
 * resident account of the deceased's own NIK (never used to act: their status is DECEASED).
 */
export const aktaKematianIssuer: DocumentIssuer<typeof DocumentKind.AKTA_KEMATIAN> = {
  kind: DocumentKind.AKTA_KEMATIAN,
  supersedesEarlierPrints: false,

  async issue({ death }, context) {
    const { regencyCode } = context.event;
    const number = await context.numbers.deathCertificate(
      death.deceasedNik,
      regencyCode,
      death.registrationDate,
      (serial) =>
        formatDeathCertificateNumber({
          regencyCode,
          registrationDate: death.registrationDate,
          dateOfDeath: death.dateOfDeath,
          serial,
        }),
    );
    const pdf = await context.sign(
      renderAktaKematian,
      aktaKematianModel(death, number, context.issuer.place, context.details),
    );
    return {
      number,
      subjectKey: death.deceasedNik,
      familyCardNumber: null,
      holderName: death.deceasedName,
      memberNiks: [...(context.familyOfSet?.members.map((m) => m.nik) ?? []), death.deceasedNik],
      pdf,
    };
  },
};
