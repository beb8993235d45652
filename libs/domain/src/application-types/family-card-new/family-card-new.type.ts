import { ApplicationType, AttachmentKind, DocumentKind } from '../../enums/services.js';
import type { ApplicationTypeDefinition } from '../application-type-definition.js';

/**
 * Kartu Keluarga baru: people leave their KKs to form a family at a new address. Besides the new
 * KK, every KK they left that still has members is reissued.
 */
export const familyCardNew: ApplicationTypeDefinition<typeof ApplicationType.FAMILY_CARD_NEW> = {
  type: ApplicationType.FAMILY_CARD_NEW,
  label: 'KARTU KELUARGA BARU',
  shortLabel: 'Kartu Keluarga baru',
  documents: [DocumentKind.KARTU_KELUARGA],
  expectedEvidence: [
    { kind: AttachmentKind.BUKU_NIKAH, description: 'Buku nikah atau akta perkawinan kepala keluarga' },
    { kind: AttachmentKind.KK_LAMA, description: 'Kartu Keluarga lama tempat para anggota tercantum sekarang' },
  ],
};
