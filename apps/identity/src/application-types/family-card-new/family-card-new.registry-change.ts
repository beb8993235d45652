import type { FamilyCardNewInput } from '#lib/contracts';
import { ApplicationType, Relationship } from '#lib/domain';
import type { ChangeResult, RegistryWriter } from '../../registry-changes/registry-change.repository.js';
import { regencyOf } from '../region-of.js';
import { districtOf, type RegistryChangeType } from '../registry-change-type.js';

/**
 * A new family gets a No. KK and its members move into it; every KK they left that still has
 * members is reissued with the new one.
 */
export const familyCardNewChange: RegistryChangeType<typeof ApplicationType.FAMILY_CARD_NEW> = {
  type: ApplicationType.FAMILY_CARD_NEW,

  async apply(input, context) {
    const familyCardNumber = await context.reserve('family-card-number', () =>
      context.assignFamilyCardNumber({ districtCode: districtOf(input.villageCode) }),
    );
    return context.applyOnce((writer) => formFamily(writer, input, familyCardNumber));
  },

  documents: (_input, applied, context) => context.familyCards(applied.familyCardNumbers),
};

async function formFamily(
  writer: RegistryWriter,
  input: FamilyCardNewInput,
  familyCardNumber: string,
): Promise<ChangeResult> {
  const at = new Date();
  await writer.insertFamily(
    familyCardNumber,
    {
      address: input.address,
      rt: input.rt,
      rw: input.rw,
      villageCode: input.villageCode,
      regencyCode: regencyOf(input.villageCode),
      postalCode: input.postalCode,
    },
    at,
  );
  const moving = [
    { nik: input.headNik, relationship: Relationship.KEPALA_KELUARGA as string },
    ...input.members.filter((m) => m.nik !== input.headNik),
  ];
  const left = new Set<string>();
  for (const member of moving) {
    const previous = await writer.leaveCurrentFamily(member.nik, at);
    if (previous) left.add(previous);
    await writer.join(familyCardNumber, member.nik, member.relationship, at);
  }
  // The marital status and marriage date the application carries (checked at submission).
  for (const member of input.members) {
    if (member.maritalStatus !== undefined || member.marriageDate !== undefined) {
      await writer.updatePerson(
        member.nik,
        { maritalStatus: member.maritalStatus, marriageDate: member.marriageDate },
        at,
      );
    }
  }
  // Every family someone left, and that still has members, gets a new print of its card.
  const changed: string[] = [];
  for (const old of left) {
    await writer.updateFamily(old, {}, at);
    if ((await writer.memberCount(old)) > 0) changed.push(old);
  }
  return { familyCardNumbers: [familyCardNumber, ...changed.sort()] };
}
