import type { ApplicationDetailsOf } from '../../api/types';
import { RELATIONSHIP_LABELS } from '../../domain/labels';
import { NAMED, labelled, shown, type DetailRow, type RegistryView } from '../web-application-type';

type Details = ApplicationDetailsOf<'FAMILY_CARD_NEW'>;

export function familyCardNewRows(d: Details): DetailRow[] {
  return [
    ['NIK kepala keluarga', <span className="mono">{shown(d.headNik)}</span>],
    [
      'Anggota',
      <ul className="plain">
        {d.members.map((m) => (
          <li key={m.nik}>
            <span className="mono">{m.nik}</span> — {labelled(RELATIONSHIP_LABELS, m.relationship)}
          </li>
        ))}
      </ul>,
    ],
    ['Alamat', `${shown(d.address)}, RT ${shown(d.rt)} / RW ${shown(d.rw)}`],
    ['Kode desa/kelurahan', <span className="mono">{shown(d.villageCode)}</span>],
    ['Kode pos', shown(d.postalCode)],
    ['Alasan', shown(d.reason)],
  ];
}

/** No KK yet: the people named, each looked up in the registry. */
export function familyCardNewRegistryView(d: Details): RegistryView {
  const named = new Map<string, string>(d.members.map((m) => [m.nik, NAMED]));
  named.set(d.headNik, 'calon kepala keluarga');
  return { named };
}
