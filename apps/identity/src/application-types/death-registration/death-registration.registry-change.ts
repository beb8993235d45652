import type { DeathRegistrationInput } from '#lib/contracts';
import {
  ApplicationType,
  deathRegistryChange,
  DocumentKind,
  DomainError,
  MaritalStatus,
  PersonStatus,
  regionLocalDate,
  Relationship,
  type Sex,
} from '#lib/domain';
import type { ChangeResult, RegistryWriter } from '../../registry-changes/registry-change.repository.js';
import type { RegistryChangeType } from '../registry-change-type.js';

/**
 * A death, approved: the person becomes DECEASED and leaves the KK, a surviving spouse becomes
 * CERAI_MATI, the named member becomes KEPALA_KELUARGA (others keep their relationship); the KK
 * is reissued and a Kutipan Akta Kematian issued. What changes is the domain's
 * `deathRegistryChange`; this writes it.
 */
export const deathRegistrationChange: RegistryChangeType<typeof ApplicationType.DEATH_REGISTRATION> = {
  type: ApplicationType.DEATH_REGISTRATION,

  async apply(input, context) {
    await context.requireFamily(input.familyCardNumber);
    return context.applyOnce((writer) => registerDeath(writer, input));
  },

  async documents(input, applied, context) {
    const familyCards = await context.familyCards(applied.familyCardNumbers);
    const deceased = await context.findPerson(input.deceasedNik);
    if (!deceased) throw new DomainError('RESIDENT.NOT_FOUND', 'Data penduduk yang meninggal tidak ditemukan');
    // The registration date is the family's regency's local date (DOMAIN.md "Local dates"); a
    // deceased keeps the regency of the family they left.
    const regencyCode = familyCards[0]?.family.regencyCode ?? deceased.regency_code ?? input.familyCardNumber;
    return [
      ...familyCards,
      {
        kind: DocumentKind.AKTA_KEMATIAN,
        death: {
          deceasedNik: deceased.nik,
          deceasedName: deceased.full_name,
          sex: deceased.sex as Sex,
          birthPlace: deceased.birth_place,
          birthDate: deceased.birth_date,
          dateOfDeath: input.dateOfDeath,
          ...(input.timeOfDeath === undefined ? {} : { timeOfDeath: input.timeOfDeath }),
          placeOfDeath: input.placeOfDeath,
          registrationDate: regionLocalDate(regencyCode, applied.appliedAt.getTime()),
        },
      },
    ];
  },
};

async function registerDeath(writer: RegistryWriter, input: DeathRegistrationInput): Promise<ChangeResult> {
  const at = new Date();
  const family = await writer.currentFamily(input.familyCardNumber);
  if (!family?.members.some((m) => m.nik === input.deceasedNik && m.status === PersonStatus.ACTIVE)) {
    // Checked at submission; only a registry changed since (another report approved first) gets here.
    throw new DomainError('RESIDENT.NOT_FOUND', 'Penduduk yang meninggal bukan lagi anggota aktif KK ini');
  }
  const change = deathRegistryChange(family, input);
  await writer.setStatus(change.deceasedNik, PersonStatus.DECEASED, at);
  await writer.leaveCurrentFamily(change.deceasedNik, at);
  for (const nik of change.widowedNiks) {
    await writer.updatePerson(nik, { maritalStatus: MaritalStatus.CERAI_MATI }, at);
  }
  if (change.newHeadNik !== undefined) {
    await writer.changeRelationship(family.familyCardNumber, change.newHeadNik, Relationship.KEPALA_KELUARGA, at);
  }
  await writer.updateFamily(family.familyCardNumber, {}, at);
  return { familyCardNumbers: [family.familyCardNumber] };
}
