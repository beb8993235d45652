import { DocumentKind, formatDeathCertificateNumber } from '#lib/domain';
import type { DocumentIssuer } from '../document-issuer.js';
import { aktaKematianModel } from './akta-kematian.model.js';
import { renderAktaKematian } from './akta-kematian.renderer.js';

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
