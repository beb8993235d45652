import { formatDeathCertificateNumber, regionDirectory, Sex } from '#lib/domain';
import { demoOfficial, demoVerificationUrl, syntheticNik } from '../../rendering/testing/document-factories.js';
import type { AktaKematianModel } from './akta-kematian.model.js';

/** A synthetic Kutipan Akta Kematian (tests and samples): the demo family's father, invented. */
export function buildAktaKematian(overrides: Partial<AktaKematianModel> = {}): AktaKematianModel {
  const regency = regionDirectory().get('16.02')!;
  return {
    certificateNumber: formatDeathCertificateNumber({
      regencyCode: '16.02',
      registrationDate: '2026-11-28',
      serial: 1,
    }),
    deceasedNik: syntheticNik('1985-03-14', Sex.LAKI_LAKI, 9911),
    deceasedName: 'Rudi Hartono',
    sex: Sex.LAKI_LAKI,
    birthPlace: 'Palembang',
    birthDate: '1985-03-14',
    placeOfDeath: 'Kayuagung',
    dateOfDeath: '2026-11-25',
    issuePlace: 'Kayuagung',
    issuedAt: '2026-11-28',
    issuingRegencyName: regency.upperName,
    official: demoOfficial(),
    verificationUrl: demoVerificationUrl(),
    ...overrides,
  };
}
