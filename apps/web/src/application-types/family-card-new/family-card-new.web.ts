import type { WebApplicationType } from '../web-application-type';
import { familyCardNewRegistryView, familyCardNewRows } from './family-card-new.details';
import { FamilyCardNewForm } from './family-card-new.form';

export const familyCardNewWeb: WebApplicationType<'FAMILY_CARD_NEW'> = {
  type: 'FAMILY_CARD_NEW',
  slug: 'kk-baru',
  description: 'Membentuk Kartu Keluarga baru, mis. setelah menikah, dengan alamat baru.',
  Form: FamilyCardNewForm,
  detailRows: familyCardNewRows,
  registryView: familyCardNewRegistryView,
};
