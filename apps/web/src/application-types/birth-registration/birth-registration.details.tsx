import type { ApplicationDetailsOf } from '../../api/types';
import {
  BIRTH_ATTENDANT_LABELS,
  BIRTH_PLACE_KIND_LABELS,
  BIRTH_TYPE_LABELS,
  RELIGION_LABELS,
  SEX_LABELS,
} from '../../domain/labels';
import { formatDate } from '../../ui/format';
import { NAMED, labelled, shown, type DetailRow, type RegistryView } from '../web-application-type';

type Details = ApplicationDetailsOf<'BIRTH_REGISTRATION'>;

export function birthRegistrationRows(d: Details): DetailRow[] {
  const c = d.child;
  const witnesses = d.witnessNiks ?? [];
  return [
    ['No. KK', <span className="mono">{shown(d.familyCardNumber)}</span>],
    ['Nama anak', shown(c.fullName)],
    ['Jenis kelamin', labelled(SEX_LABELS, c.sex)],
    ['Tanggal lahir', `${formatDate(shown(c.birthDate))}${c.birthTime ? `, pukul ${shown(c.birthTime)}` : ''}`],
    ['Tempat lahir', `${shown(c.birthPlace)} (${labelled(BIRTH_PLACE_KIND_LABELS, c.placeKind)})`],
    ['Jenis kelahiran / anak ke-', `${labelled(BIRTH_TYPE_LABELS, c.birthType ?? 'TUNGGAL')} / ${shown(c.birthOrder)}`],
    ['Penolong', labelled(BIRTH_ATTENDANT_LABELS, c.attendant)],
    ['Berat / panjang', `${shown(c.weightGrams)} gram / ${shown(c.lengthCm)} cm`],
    ['Agama', labelled(RELIGION_LABELS, c.religion)],
    [
      'NIK ayah',
      d.fatherNik ? <span className="mono">{d.fatherNik}</span> : 'tidak dicantumkan (akta memuat ibu saja)',
    ],
    ['NIK ibu', <span className="mono">{shown(d.motherNik)}</span>],
    ['No. surat keterangan lahir', d.birthLetterNumber ?? 'tidak ada (SPTJM kebenaran data kelahiran)'],
    ['Saksi', witnesses.length ? <span className="mono">{witnesses.join(', ')}</span> : '—'],
  ];
}

/** The KK the child joins, with the parents marked. */
export function birthRegistrationRegistryView(d: Details): RegistryView {
  const named = new Map<string, string>((d.witnessNiks ?? []).map((nik) => [nik, NAMED]));
  named.set(d.motherNik, 'ibu');
  if (d.fatherNik) named.set(d.fatherNik, 'ayah');
  return {
    familyCardNumber: d.familyCardNumber,
    named,
    expectedMembers: {
      niks: d.fatherNik ? [d.fatherNik, d.motherNik] : [d.motherNik],
      warning: 'Orang tua yang disebut tidak tercatat dalam KK ini.',
    },
  };
}
