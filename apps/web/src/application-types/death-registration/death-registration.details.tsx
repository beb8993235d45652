import type { ApplicationDetailsOf } from '../../api/types';
import { formatDate } from '../../ui/format';
import { NAMED, labelled, shown, type DetailRow, type RegistryView } from '../web-application-type';
import { DEATH_CAUSE_LABELS, DEATH_CERTIFIER_LABELS } from '../../domain/labels';

type Details = ApplicationDetailsOf<'DEATH_REGISTRATION'>;

/** The report as the clerk and the official read it. */
export function deathRegistrationRows(d: Details): DetailRow[] {
  const witnesses = d.witnessNiks ?? [];
  return [
    ['No. KK', <span className="mono">{shown(d.familyCardNumber)}</span>],
    ['NIK yang meninggal', <span className="mono">{shown(d.deceasedNik)}</span>],
    ['Tanggal meninggal', `${formatDate(shown(d.dateOfDeath))}${d.timeOfDeath ? `, pukul ${d.timeOfDeath}` : ''}`],
    ['Tempat meninggal', shown(d.placeOfDeath)],
    ['Sebab kematian', labelled(DEATH_CAUSE_LABELS, d.cause)],
    ['Yang menerangkan', labelled(DEATH_CERTIFIER_LABELS, d.certifiedBy)],
    ['No. surat keterangan kematian', shown(d.deathLetterNumber)],
    ['NIK kepala keluarga baru', d.newHeadNik ? <span className="mono">{d.newHeadNik}</span> : '—'],
    ['Saksi', witnesses.length ? <span className="mono">{witnesses.join(', ')}</span> : '—'],
  ];
}

/** The KK of the deceased, with the deceased and the new head marked. */
export function deathRegistrationRegistryView(d: Details): RegistryView {
  const named = new Map<string, string>((d.witnessNiks ?? []).map((nik) => [nik, NAMED]));
  named.set(d.deceasedNik, 'yang meninggal');
  if (d.newHeadNik) named.set(d.newHeadNik, 'kepala keluarga baru');
  return {
    familyCardNumber: d.familyCardNumber,
    named,
    expectedMembers: {
      niks: [d.deceasedNik, ...(d.newHeadNik ? [d.newHeadNik] : [])],
      warning: 'Penduduk yang disebut tidak tercatat dalam KK ini.',
    },
  };
}
