import type { BirthRegistrationInput } from '#lib/contracts';
import {
  ApplicationType,
  BloodType,
  Citizenship,
  DocumentKind,
  DomainError,
  EDUCATION_LIST,
  MaritalStatus,
  OCCUPATION_LIST,
  Relationship,
  todayIso,
} from '#lib/domain';
import type { ChangeResult, RegistryWriter } from '../../registry-changes/registry-change.repository.js';
import { districtOf, type RegistryChangeType } from '../registry-change-type.js';

/** The newborn gets a NIK and joins the KK as ANAK; the KK is reissued and the akta issued. */
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
    const [child, father, mother] = await Promise.all(
      [applied.childNik, input.fatherNik, input.motherNik].map((nik) => context.findPerson(nik)),
    );
    if (!child) throw new DomainError('RESIDENT.NOT_FOUND', 'Data anak tidak ditemukan setelah pencatatan');
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
          fatherName: father?.full_name,
          motherName: mother?.full_name ?? child.mother_name,
          registrationDate: todayIso(applied.appliedAt.getTime()),
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
  const names = await writer.fullNames([input.fatherNik, input.motherNik]);
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
      fatherName: names.get(input.fatherNik) ?? '',
      motherName: names.get(input.motherNik) ?? '',
    },
    at,
  );
  await writer.join(input.familyCardNumber, childNik, Relationship.ANAK, at);
  await writer.updateFamily(input.familyCardNumber, {}, at);
  return { familyCardNumbers: [input.familyCardNumber], childNik };
}
