import { ApplicationType, DEFAULT_BIRTH_TYPE, isMultipleBirth } from '#lib/domain';
import { detailsWithoutType, type ApplicationTypeRules } from '../application-type-rules.js';
import { checkBirthRegistration } from './birth-registration.rules.js';

export const birthRegistrationRules: ApplicationTypeRules<typeof ApplicationType.BIRTH_REGISTRATION> = {
  type: ApplicationType.BIRTH_REGISTRATION,

  async judge(input, { applicantNik, applicationId, registry, applications }) {
    const [family, persons, open] = await Promise.all([
      registry.family(input.familyCardNumber),
      registry.persons([
        ...(input.fatherNik === undefined ? [] : [input.fatherNik]),
        input.motherNik,
        ...(input.witnessNiks ?? []),
      ]),
      applications.openDetails(ApplicationType.BIRTH_REGISTRATION, input.familyCardNumber, applicationId),
    ]);
    const pendingBirths = open.map((details) => ({
      motherNik: details.motherNik,
      childName: details.child.fullName,
      birthDate: details.child.birthDate,
      multiple: isMultipleBirth(details.child.birthType),
    }));
    return checkBirthRegistration(input, applicantNik, { family, persons, pendingBirths });
  },

  toDetails(input) {
    const details = detailsWithoutType(input);
    details.child.birthType ??= DEFAULT_BIRTH_TYPE;
    return details;
  },
};
