import { DocumentKind } from '#lib/domain';
import { kartuKeluargaModel } from './kartu-keluarga.model.js';
import { renderKartuKeluarga } from './kartu-keluarga.renderer.js';
import type { DocumentIssuer } from '../document-issuer.js';

/** Kartu Keluarga: numbered by its No. KK, printed as the family stands, supersedes older prints. */
export const kartuKeluargaIssuer: DocumentIssuer<typeof DocumentKind.KARTU_KELUARGA> = {
  kind: DocumentKind.KARTU_KELUARGA,
  supersedesEarlierPrints: true,

  async issue({ family }, context) {
    const pdf = await context.sign(renderKartuKeluarga, kartuKeluargaModel(family, context.details));
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
