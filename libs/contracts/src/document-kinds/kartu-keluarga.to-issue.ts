import { Equals, IsObject } from 'class-validator';
import { DocumentKind } from '#lib/domain';
import type { FamilyView } from '../identity/registry.views.js';

/** A Kartu Keluarga to print: the family as it stands after the change (members as they are now). */
export class KartuKeluargaToIssue {
  @Equals(DocumentKind.KARTU_KELUARGA)
  kind: typeof DocumentKind.KARTU_KELUARGA;

  @IsObject()
  family: FamilyView;
}
