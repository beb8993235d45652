import type { ApplicationDetailsOf } from '../../api/types';
import { FAMILY_CARD_REPLACEMENT_REASON_LABELS } from '../../domain/labels';
import { labelled, shown, type DetailRow, type RegistryView } from '../web-application-type';

type Details = ApplicationDetailsOf<'FAMILY_CARD_REPLACEMENT'>;

export function familyCardReplacementRows(d: Details): DetailRow[] {
  return [
    ['No. KK', <span className="mono">{shown(d.familyCardNumber)}</span>],
    ['Alasan', labelled(FAMILY_CARD_REPLACEMENT_REASON_LABELS, d.reason)],
  ];
}

export function familyCardReplacementRegistryView(d: Details): RegistryView {
  return { familyCardNumber: d.familyCardNumber, named: new Map() };
}
