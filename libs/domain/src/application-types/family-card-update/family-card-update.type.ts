import { ApplicationType, AttachmentKind, DocumentKind } from '../../enums/services.js';
import type { ApplicationTypeDefinition } from '../application-type-definition.js';

/** Perubahan data: an address within the regency, members' education, occupation, marriage. */
export const familyCardUpdate: ApplicationTypeDefinition<typeof ApplicationType.FAMILY_CARD_UPDATE> = {
  type: ApplicationType.FAMILY_CARD_UPDATE,
  label: 'PERUBAHAN DATA KARTU KELUARGA',
  shortLabel: 'Perubahan data Kartu Keluarga',
  documents: [DocumentKind.KARTU_KELUARGA],
  expectedEvidence: [
    { kind: AttachmentKind.KK_LAMA, description: 'Kartu Keluarga yang berlaku sekarang' },
    {
      kind: AttachmentKind.LAINNYA,
      description: 'Bukti perubahan: ijazah, surat keterangan kerja, buku nikah atau surat pindah',
    },
  ],
};
