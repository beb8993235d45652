import { DocumentKind, formatBirthCertificateNumber } from '#lib/domain';
import { aktaKelahiranModel } from './akta-kelahiran.model.js';
import { renderAktaKelahiran } from './akta-kelahiran.renderer.js';
import type { DocumentIssuer } from '../document-issuer.js';

/** Kutipan Akta Kelahiran: one per child, numbered `RRRR-LU-DDMMYYYY-NNNN` once. */
export const aktaKelahiranIssuer: DocumentIssuer<typeof DocumentKind.AKTA_KELAHIRAN> = {
  kind: DocumentKind.AKTA_KELAHIRAN,
  supersedesEarlierPrints: false,

  async issue({ birth }, context) {
    const { regencyCode } = context.event;
    const number = await context.numbers.birthCertificate(
      birth.childNik,
      regencyCode,
      birth.registrationDate,
      (serial) =>
        formatBirthCertificateNumber({
          regencyCode,
          birthDate: birth.birthDate,
          registrationDate: birth.registrationDate,
          serial,
        }),
    );
    const pdf = await context.sign(
      renderAktaKelahiran,
      aktaKelahiranModel(birth, number, context.issuer.place, context.details),
    );
    return {
      number,
      subjectKey: birth.childNik,
      familyCardNumber: null,
      holderName: birth.childName,
      memberNiks: context.familyOfSet ? context.familyOfSet.members.map((m) => m.nik) : [birth.childNik],
      pdf,
    };
  },
};
