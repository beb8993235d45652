import type { ReactNode } from 'react';
import { formatDate } from '../../ui/format';
import {
  DEATH_CAUSE_LABELS,
  DEATH_CERTIFIER_LABELS,
} from '../../../../../libs/domain/src/application-types/death-registration/death-registration.type.js';

type Row = [string, ReactNode];
const s = (value: unknown): string =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : '—';
const l = (labels: Readonly<Record<string, string>>, value: unknown): string =>
  typeof value === 'string' ? (labels[value] ?? value) : '—';

/** The report as the clerk and the official read it. */
export function deathRegistrationRows(d: Record<string, unknown>): Row[] {
  const witnesses = Array.isArray(d['witnessNiks']) ? (d['witnessNiks'] as string[]) : [];
  return [
    ['No. KK', <span className="mono">{s(d['familyCardNumber'])}</span>],
    ['NIK yang meninggal', <span className="mono">{s(d['deceasedNik'])}</span>],
    [
      'Tanggal meninggal',
      `${formatDate(s(d['dateOfDeath']))}${d['timeOfDeath'] ? `, pukul ${s(d['timeOfDeath'])}` : ''}`,
    ],
    ['Tempat meninggal', s(d['placeOfDeath'])],
    ['Sebab kematian', l(DEATH_CAUSE_LABELS, d['cause'])],
    ['Yang menerangkan', l(DEATH_CERTIFIER_LABELS, d['certifiedBy'])],
    ['No. surat keterangan kematian', s(d['deathLetterNumber'])],
    ['NIK kepala keluarga baru', d['newHeadNik'] ? <span className="mono">{s(d['newHeadNik'])}</span> : '—'],
    ['Saksi', witnesses.length ? <span className="mono">{witnesses.join(', ')}</span> : '—'],
  ];
}
