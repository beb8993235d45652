import { Injectable } from '@nestjs/common';
import type { DeathRecordFacts } from '#lib/contracts';
import { DocumentKind, formatDeathCertificateNumber } from '#lib/domain';
import type { IssuanceDetails } from '../../rendering/document-models.js';
import { issueDateOf } from '../../rendering/print-labels.js';
import type { Issuer } from '../../issuance/document-models.mapper.js';
import { SignedPdfFactory } from '../../issuance/signed-pdf.factory.js';
import { renderAktaKematian, type AktaKematianModel } from './akta-kematian.renderer.js';
import { DeathCertificateNumberRepository } from './death-certificate-number.repository.js';

/** One signed Kutipan Akta Kematian and what is stored beside it. */
export interface IssuedAktaKematian {
  kind: typeof DocumentKind.AKTA_KEMATIAN;
  pdf: Buffer;
  number: string;
  /** One akta per deceased per application. */
  subjectKey: string;
  holderName: string;
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

/** Numbers (once per deceased), renders and signs a Kutipan Akta Kematian. */
@Injectable()
export class AktaKematianIssuer {
  constructor(
    private readonly numbers: DeathCertificateNumberRepository,
    private readonly pdfs: SignedPdfFactory,
  ) {}

  async issue(
    death: DeathRecordFacts,
    regencyCode: string,
    issuer: Issuer,
    details: Omit<IssuanceDetails, 'issuedAt'> & { issuedAt: Date },
  ): Promise<IssuedAktaKematian> {
    const number = await this.numbers.numberFor(death.deceasedNik, regencyCode, death.registrationDate, (serial) =>
      formatDeathCertificateNumber({
        regencyCode,
        registrationDate: death.registrationDate,
        dateOfDeath: death.dateOfDeath,
        serial,
      }),
    );
    const pdf = await this.pdfs.signed(
      renderAktaKematian,
      aktaKematianModel(death, number, issuer.place, details),
      details.issuedAt,
    );
    return {
      kind: DocumentKind.AKTA_KEMATIAN,
      pdf,
      number,
      subjectKey: death.deceasedNik,
      holderName: death.deceasedName,
    };
  }
}
