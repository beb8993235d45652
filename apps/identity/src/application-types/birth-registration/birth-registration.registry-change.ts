import type { BirthRegistrationInput } from '#lib/contracts';
import {
  ApplicationType,
  BloodType,
  Citizenship,
  DocumentKind,
  DomainError,
  EDUCATION_LIST,
  MaritalStatus,
  newbornRelationship,
  OCCUPATION_LIST,
  regionLocalDate,
  birthParentsOf,
} from '#lib/domain';
import type { ChangeResult, RegistryWriter } from '../../registry-changes/registry-change.repository.js';
import { districtOf, type RegistryChangeType } from '../registry-change-type.js';

/**
 * The newborn gets a NIK and joins the KK in the place its parents give it (ANAK of the head's
 * family, CUCU of a child's); the KK is reissued and the akta issued, its sentence naming the
 * parents as their marital status allows (DOMAIN.md "Parents on the birth record").
 */
export const birthRegistrationChange: RegistryChangeType<typeof ApplicationType.BIRTH_REGISTRATION> = {
  type: ApplicationType.BIRTH_REGISTRATION,

  async apply(input, context) {
    const family = await context.requireFamily(input.familyCardNumber);
    const childNik = await context.reserve('child-nik', () =>
      context.assignNik({
        districtCode: districtOf(family.villageCode),
        birthDate: input.child.birthDate,
        sex: input.child.sex,
      }),
    );
    return context.applyOnce((writer) => registerBirth(writer, input, childNik));
  },

  async documents(input, applied, context) {
    const familyCards = await context.familyCards(applied.familyCardNumbers);
    if (!applied.childNik) return familyCards;
    const [child, father, mother] = await Promise.all([
      context.findPerson(applied.childNik),
      input.fatherNik === undefined ? Promise.resolve(undefined) : context.findPerson(input.fatherNik),
      context.findPerson(input.motherNik),
    ]);
    if (!child) throw new DomainError('RESIDENT.NOT_FOUND', 'Data anak tidak ditemukan setelah pencatatan');
    const parents = birthParentsOf(
      father === undefined ? undefined : { maritalStatus: father.marital_status as MaritalStatus },
      { maritalStatus: (mother?.marital_status ?? MaritalStatus.BELUM_KAWIN) as MaritalStatus },
    );
    // The registration date is the family's regency's local date (DOMAIN.md "Local dates").
    const regencyCode = familyCards[0]?.family.regencyCode ?? child.regency_code ?? '';
    return [
      ...familyCards,
      {
        kind: DocumentKind.AKTA_KELAHIRAN,
        birth: {
          childNik: child.nik,
          childName: child.full_name,
          sex: input.child.sex,
          birthDate: input.child.birthDate,
          birthPlace: input.child.birthPlace,
          birthOrder: input.child.birthOrder,
          ...(father === undefined ? {} : { fatherName: father.full_name }),
          motherName: mother?.full_name ?? child.mother_name,
          parents,
          registrationDate: regionLocalDate(regencyCode, applied.appliedAt.getTime()),
        },
      },
    ];
  },
};

async function registerBirth(
  writer: RegistryWriter,
  input: BirthRegistrationInput,
  childNik: string,
): Promise<ChangeResult> {
  const at = new Date();
  const parentNiks = input.fatherNik === undefined ? [input.motherNik] : [input.fatherNik, input.motherNik];
  const names = await writer.fullNames(parentNiks);
  const family = await writer.currentFamily(input.familyCardNumber);
  const relationship = newbornRelationship(
    (family?.members ?? []).filter((member) => parentNiks.includes(member.nik)).map((member) => member.relationship),
  );
  await writer.insertPerson(
    {
      nik: childNik,
      fullName: input.child.fullName.toUpperCase(),
      sex: input.child.sex,
      birthPlace: input.child.birthPlace.toUpperCase(),
      birthDate: input.child.birthDate,
      religion: input.child.religion,
      education: EDUCATION_LIST.labelOf(1)!,
      occupation: OCCUPATION_LIST.labelOf(1)!,
      bloodType: BloodType.TIDAK_TAHU,
      maritalStatus: MaritalStatus.BELUM_KAWIN,
      citizenship: Citizenship.WNI,
      fatherName: input.fatherNik === undefined ? '' : (names.get(input.fatherNik) ?? ''),
      motherName: names.get(input.motherNik) ?? '',
    },
    at,
  );
  await writer.join(input.familyCardNumber, childNik, relationship, at);
  await writer.updateFamily(input.familyCardNumber, {}, at);
  return { familyCardNumbers: [input.familyCardNumber], childNik };
}
