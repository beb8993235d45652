import type { ApplicationDetailsOf } from '../../api/types';
import { MARITAL_STATUS_LABELS, sentenceCase } from '../../domain/labels';
import { formatDate } from '../../ui/format';
import { NAMED, labelled, shown, type DetailRow, type RegistryView } from '../web-application-type';

type Details = ApplicationDetailsOf<'FAMILY_CARD_UPDATE'>;

export function familyCardUpdateRows(d: Details): DetailRow[] {
  const changes = d.memberChanges ?? [];
  return [
    ['No. KK', <span className="mono">{shown(d.familyCardNumber)}</span>],
    [
      'Alamat baru',
      d.address
        ? `${shown(d.address)}, RT ${shown(d.rt)} / RW ${shown(d.rw)}, desa ${shown(d.villageCode)}, kode pos ${shown(d.postalCode)}`
        : 'tidak berubah',
    ],
    [
      'Perubahan anggota',
      changes.length ? (
        <ul className="plain">
          {changes.map((c) => (
            <li key={c.nik}>
              <span className="mono">{c.nik}</span>:{' '}
              {[
                c.education && `pendidikan → ${sentenceCase(c.education)}`,
                c.occupation && `pekerjaan → ${sentenceCase(c.occupation)}`,
                c.maritalStatus && `status perkawinan → ${labelled(MARITAL_STATUS_LABELS, c.maritalStatus)}`,
                c.marriageDate && `tanggal perkawinan → ${formatDate(c.marriageDate)}`,
              ]
                .filter(Boolean)
                .join('; ')}
            </li>
          ))}
        </ul>
      ) : (
        '—'
      ),
    ],
    ['Alasan', shown(d.reason)],
  ];
}

/** The KK as it stands, with the members whose data change marked. */
export function familyCardUpdateRegistryView(d: Details): RegistryView {
  return {
    familyCardNumber: d.familyCardNumber,
    named: new Map((d.memberChanges ?? []).map((change) => [change.nik, NAMED])),
  };
}
