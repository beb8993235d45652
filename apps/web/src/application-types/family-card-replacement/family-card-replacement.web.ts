import type { WebApplicationType } from '../web-application-type';
import { familyCardReplacementRegistryView, familyCardReplacementRows } from './family-card-replacement.details';
import { FamilyCardReplacementForm } from './family-card-replacement.form';

export const familyCardReplacementWeb: WebApplicationType<'FAMILY_CARD_REPLACEMENT'> = {
  type: 'FAMILY_CARD_REPLACEMENT',
  slug: 'kk-hilang-rusak',
  description: 'Mencetak ulang Kartu Keluarga yang hilang atau rusak.',
  Form: FamilyCardReplacementForm,
  detailRows: familyCardReplacementRows,
  registryView: familyCardReplacementRegistryView,
};
