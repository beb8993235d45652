import type { WebApplicationType } from '../web-application-type';
import { familyCardUpdateRegistryView, familyCardUpdateRows } from './family-card-update.details';
import { FamilyCardUpdateForm } from './family-card-update.form';

export const familyCardUpdateWeb: WebApplicationType<'FAMILY_CARD_UPDATE'> = {
  type: 'FAMILY_CARD_UPDATE',
  slug: 'perubahan-kk',
  description: 'Pindah alamat dalam kabupaten/kota, atau perubahan pendidikan, pekerjaan, status perkawinan.',
  Form: FamilyCardUpdateForm,
  detailRows: familyCardUpdateRows,
  registryView: familyCardUpdateRegistryView,
};
