import type { FamilyCardUpdateInput } from '#lib/contracts';
import { ApplicationType, EDUCATION_LIST, OCCUPATION_LIST } from '#lib/domain';
import type { ChangeResult, RegistryWriter } from '../../registry-changes/registry-change.repository.js';
import { regencyOf } from '../region-of.js';
import type { RegistryChangeType } from '../registry-change-type.js';

/** The family's address and its members' fields change in place; the KK is reissued. */
export const familyCardUpdateChange: RegistryChangeType<typeof ApplicationType.FAMILY_CARD_UPDATE> = {
  type: ApplicationType.FAMILY_CARD_UPDATE,

  async apply(input, context) {
    await context.requireFamily(input.familyCardNumber);
    return context.applyOnce((writer) => updateFamily(writer, input));
  },

  documents: (_input, applied, context) => context.familyCards(applied.familyCardNumbers),
};

async function updateFamily(writer: RegistryWriter, input: FamilyCardUpdateInput): Promise<ChangeResult> {
  const at = new Date();
  await writer.updateFamily(
    input.familyCardNumber,
    {
      address: input.address,
      rt: input.rt,
      rw: input.rw,
      villageCode: input.villageCode,
      regencyCode: input.villageCode ? regencyOf(input.villageCode) : undefined,
      postalCode: input.postalCode,
    },
    at,
  );
  for (const change of input.memberChanges ?? []) {
    await writer.updatePerson(
      change.nik,
      {
        education: change.education ? (EDUCATION_LIST.match(change.education) ?? change.education) : undefined,
        occupation: change.occupation ? (OCCUPATION_LIST.match(change.occupation) ?? change.occupation) : undefined,
        maritalStatus: change.maritalStatus,
        marriageDate: change.marriageDate,
        religion: change.religion,
        bloodType: change.bloodType,
      },
      at,
    );
    if (change.relationship !== undefined) {
      await writer.changeRelationship(input.familyCardNumber, change.nik, change.relationship, at);
    }
  }
  return { familyCardNumbers: [input.familyCardNumber] };
}
