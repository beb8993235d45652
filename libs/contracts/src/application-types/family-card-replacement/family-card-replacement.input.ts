import { Equals, IsIn } from 'class-validator';
import { ApplicationType, FamilyCardReplacementReason } from '#lib/domain';
import { IsFamilyCardNumber } from '#lib/validation';

/** `FAMILY_CARD_REPLACEMENT` (API.md "Details by type"). */
export class FamilyCardReplacementInput {
  @Equals(ApplicationType.FAMILY_CARD_REPLACEMENT)
  type: typeof ApplicationType.FAMILY_CARD_REPLACEMENT;

  @IsFamilyCardNumber()
  familyCardNumber: string;

  @IsIn(Object.values(FamilyCardReplacementReason))
  reason: FamilyCardReplacementReason;
}
