import type { WebApplicationType } from '../web-application-type';
import { birthRegistrationRegistryView, birthRegistrationRows } from './birth-registration.details';
import { BirthForm } from './birth-registration.form';

export const birthRegistrationWeb: WebApplicationType<'BIRTH_REGISTRATION'> = {
  type: 'BIRTH_REGISTRATION',
  slug: 'kelahiran',
  description:
    'Mencatat kelahiran anak: anak mendapat NIK, Kutipan Akta Kelahiran, dan Kartu Keluarga yang diperbarui.',
  Form: BirthForm,
  detailRows: birthRegistrationRows,
  registryView: birthRegistrationRegistryView,
};
