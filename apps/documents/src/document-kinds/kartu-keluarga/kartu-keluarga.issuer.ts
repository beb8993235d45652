import { DocumentKind } from '#lib/domain';
import { kartuKeluargaModel } from './kartu-keluarga.model.js';
import { renderKartuKeluarga } from './kartu-keluarga.renderer.js';
import type { DocumentIssuer } from '../document-issuer.js';
import { issuerOf } from '../../issuance/document-models.mapper.js';

/** Kartu Keluarga: numbered by its No. KK, printed as the family stands, supersedes older prints. */
export const kartuKeluargaIssuer: DocumentIssuer<typeof DocumentKind.KARTU_KELUARGA> = {
  kind: DocumentKind.KARTU_KELUARGA,
  supersedesEarlierPrints: true,

  async issue({ family }, context) {
    // Each KK is issued by its own regency's office (a KK a member left keeps its regency), never
    // stamped with the regency of the application that changed it (DOMAIN.md "KK baru").
    const own = family.regencyCode === context.issuer.regencyCode ? context.issuer : issuerOf(family.regencyCode);
    const details = { ...context.details, issuingRegencyName: own.regencyName };
    const pdf = await context.sign(renderKartuKeluarga, kartuKeluargaModel(family, details));
    const head = family.members.find((m) => m.nik === family.headNik) ?? family.members[0];
    return {
      number: family.familyCardNumber,
      subjectKey: family.familyCardNumber,
      familyCardNumber: family.familyCardNumber,
      holderName: head?.fullName ?? '',
      memberNiks: family.members.map((m) => m.nik),
      pdf,
    };
  },
};
