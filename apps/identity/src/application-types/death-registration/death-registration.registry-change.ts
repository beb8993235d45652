import type { DeathRecordFacts, DeathRegistrationInput } from '#lib/contracts';
import {
  deathRegistryChange,
  DomainError,
  MaritalStatus,
  PersonStatus,
  regionLocalDate,
  Relationship,
} from '#lib/domain';
import type { PersonRow } from '../../registry/registry.rows.js';
import type { RegistryWriter } from '../../registry-changes/registry-change.repository.js';
import { DeathRegistryWriter } from './death-registry.writer.js';

/**
 * A death, approved: the person becomes DECEASED and leaves the KK, a surviving spouse becomes
 * CERAI_MATI, the named member becomes KEPALA_KELUARGA (others keep their relationship), and the
 * KK is reissued beside the Kutipan Akta Kematian. What changes is the domain's
 * `deathRegistryChange`; this only writes it.
 */
export async function registerDeath(
  writer: RegistryWriter,
  input: DeathRegistrationInput,
): Promise<{ familyCardNumbers: string[] }> {
  const at = new Date();
  const deaths = new DeathRegistryWriter(writer.manager);
  const family = await deaths.family(input.familyCardNumber);
  if (family === undefined) throw new DomainError('FAMILY.NOT_FOUND', 'Kartu Keluarga tidak ditemukan');
  if (!family.members.some((m) => m.nik === input.deceasedNik && m.status === PersonStatus.ACTIVE)) {
    // Checked at submission; only a registry changed since (another report approved first) gets here.
    throw new DomainError('RESIDENT.NOT_FOUND', 'Penduduk yang meninggal bukan lagi anggota aktif KK ini');
  }
  const change = deathRegistryChange(family, input);
  await deaths.setStatus(change.deceasedNik, PersonStatus.DECEASED, at);
  await writer.leaveCurrentFamily(change.deceasedNik, at);
  for (const nik of change.widowedNiks) {
    await writer.updatePerson(nik, { maritalStatus: MaritalStatus.CERAI_MATI }, at);
  }
  if (change.newHeadNik !== undefined) {
    await deaths.changeRelationship(family.familyCardNumber, change.newHeadNik, Relationship.KEPALA_KELUARGA, at);
  }
  await writer.updateFamily(family.familyCardNumber, {}, at);
  return { familyCardNumbers: [family.familyCardNumber] };
}

/**
 * What the Kutipan Akta Kematian prints. The registration date is the family's regency's local
 * date of the change (DOMAIN.md "Local dates"): it is the date in the akta number.
 */
export function deathRecordFacts(
  input: DeathRegistrationInput,
  deceased: PersonRow | undefined,
  regencyCode: string,
  appliedAt: Date,
): DeathRecordFacts {
  if (!deceased) throw new DomainError('RESIDENT.NOT_FOUND', 'Data penduduk yang meninggal tidak ditemukan');
  return {
    deceasedNik: deceased.nik,
    deceasedName: deceased.full_name,
    sex: deceased.sex as DeathRecordFacts['sex'],
    birthPlace: deceased.birth_place,
    birthDate: deceased.birth_date,
    dateOfDeath: input.dateOfDeath,
    ...(input.timeOfDeath === undefined ? {} : { timeOfDeath: input.timeOfDeath }),
    placeOfDeath: input.placeOfDeath,
    registrationDate: regionLocalDate(regencyCode, appliedAt.getTime()),
  };
}
