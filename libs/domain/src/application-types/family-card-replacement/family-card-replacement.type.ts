import { ApplicationType, AttachmentKind, DocumentKind } from '../../enums/services.js';
import type { ApplicationTypeDefinition } from '../application-type-definition.js';

/** A lost or damaged KK: the registry does not change; the card is printed again. */
export const familyCardReplacement: ApplicationTypeDefinition<typeof ApplicationType.FAMILY_CARD_REPLACEMENT> = {
  type: ApplicationType.FAMILY_CARD_REPLACEMENT,
  label: 'PENGGANTIAN KARTU KELUARGA HILANG/RUSAK',
  shortLabel: 'Kartu Keluarga hilang/rusak',
  documents: [DocumentKind.KARTU_KELUARGA],
  expectedEvidence: [
    {
      kind: AttachmentKind.SURAT_KEHILANGAN,
      description: 'Surat keterangan kehilangan dari kepolisian, bila KK hilang',
    },
    { kind: AttachmentKind.KK_LAMA, description: 'Kartu Keluarga yang rusak, bila KK rusak' },
  ],
};

/** Why a KK is to be replaced (`FAMILY_CARD_REPLACEMENT.reason`). */
export const FamilyCardReplacementReason = { HILANG: 'HILANG', RUSAK: 'RUSAK' } as const;
export type FamilyCardReplacementReason =
  (typeof FamilyCardReplacementReason)[keyof typeof FamilyCardReplacementReason];
export const FAMILY_CARD_REPLACEMENT_REASON_LABELS: Readonly<Record<FamilyCardReplacementReason, string>> = {
  HILANG: 'HILANG',
  RUSAK: 'RUSAK',
};
