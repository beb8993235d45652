import type { WebApplicationType } from '../web-application-type';
import { deathRegistrationRegistryView, deathRegistrationRows } from './death-registration.details';
import { DeathRegistrationForm } from './death-registration.form';

export const deathRegistrationWeb: WebApplicationType<'DEATH_REGISTRATION'> = {
  type: 'DEATH_REGISTRATION',
  slug: 'kematian',
  description: 'Melaporkan kematian anggota keluarga: Kutipan Akta Kematian dan Kartu Keluarga yang diperbarui.',
  Form: DeathRegistrationForm,
  detailRows: deathRegistrationRows,
  registryView: deathRegistrationRegistryView,
};
