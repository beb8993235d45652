import type { ReactNode } from 'react';
import type { Application } from '../../api/types';
import {
  BIRTH_ATTENDANT_LABELS,
  BIRTH_PLACE_KIND_LABELS,
  BIRTH_TYPE_LABELS,
  FAMILY_CARD_REPLACEMENT_REASON_LABELS,
  MARITAL_STATUS_LABELS,
  RELATIONSHIP_LABELS,
  RELIGION_LABELS,
  SEX_LABELS,
} from '../../domain/labels';
import { formatDate } from '../../ui/format';
import { deathRegistrationRows } from '../../application-types/death-registration/death-registration.details';

type Row = [string, ReactNode];
const s = (value: unknown): string =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : '—';
const l = (labels: Readonly<Record<string, string>>, value: unknown): string =>
  typeof value === 'string' ? (labels[value] ?? value) : '—';

function rowsOf(application: Application): Row[] {
  const d = application.details;
  switch (application.type) {
    case 'BIRTH_REGISTRATION': {
      const c = (d['child'] ?? {}) as Record<string, unknown>;
      const witnesses = Array.isArray(d['witnessNiks']) ? (d['witnessNiks'] as string[]) : [];
      return [
        ['No. KK', <span className="mono">{s(d['familyCardNumber'])}</span>],
        ['Nama anak', s(c['fullName'])],
        ['Jenis kelamin', l(SEX_LABELS, c['sex'])],
        ['Tanggal lahir', `${formatDate(s(c['birthDate']))}${c['birthTime'] ? `, pukul ${s(c['birthTime'])}` : ''}`],
        ['Tempat lahir', `${s(c['birthPlace'])} (${l(BIRTH_PLACE_KIND_LABELS, c['placeKind'])})`],
        ['Jenis kelahiran / anak ke-', `${l(BIRTH_TYPE_LABELS, c['birthType'] ?? 'TUNGGAL')} / ${s(c['birthOrder'])}`],
        ['Penolong', l(BIRTH_ATTENDANT_LABELS, c['attendant'])],
        ['Berat / panjang', `${s(c['weightGrams'])} gram / ${s(c['lengthCm'])} cm`],
        ['Agama', l(RELIGION_LABELS, c['religion'])],
        ['NIK ayah', <span className="mono">{s(d['fatherNik'])}</span>],
        ['NIK ibu', <span className="mono">{s(d['motherNik'])}</span>],
        ['No. surat keterangan lahir', s(d['birthLetterNumber'])],
        ['Saksi', witnesses.length ? <span className="mono">{witnesses.join(', ')}</span> : '—'],
      ];
    }
    case 'FAMILY_CARD_NEW': {
      const members = Array.isArray(d['members']) ? (d['members'] as Array<{ nik: string; relationship: string }>) : [];
      return [
        ['NIK kepala keluarga', <span className="mono">{s(d['headNik'])}</span>],
        [
          'Anggota',
          <ul className="plain">
            {members.map((m) => (
              <li key={m.nik}>
                <span className="mono">{m.nik}</span> — {l(RELATIONSHIP_LABELS, m.relationship)}
              </li>
            ))}
          </ul>,
        ],
        ['Alamat', `${s(d['address'])}, RT ${s(d['rt'])} / RW ${s(d['rw'])}`],
        ['Kode desa/kelurahan', <span className="mono">{s(d['villageCode'])}</span>],
        ['Kode pos', s(d['postalCode'])],
        ['Alasan', s(d['reason'])],
      ];
    }
    case 'FAMILY_CARD_UPDATE': {
      const changes = Array.isArray(d['memberChanges']) ? (d['memberChanges'] as Array<Record<string, string>>) : [];
      return [
        ['No. KK', <span className="mono">{s(d['familyCardNumber'])}</span>],
        [
          'Alamat baru',
          d['address']
            ? `${s(d['address'])}, RT ${s(d['rt'])} / RW ${s(d['rw'])}, desa ${s(d['villageCode'])}, kode pos ${s(d['postalCode'])}`
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
                    c.education && `pendidikan → ${c.education}`,
                    c.occupation && `pekerjaan → ${c.occupation}`,
                    c.maritalStatus && `status perkawinan → ${l(MARITAL_STATUS_LABELS, c.maritalStatus)}`,
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
        ['Alasan', s(d['reason'])],
      ];
    }
    case 'FAMILY_CARD_REPLACEMENT':
      return [
        ['No. KK', <span className="mono">{s(d['familyCardNumber'])}</span>],
        ['Alasan', l(FAMILY_CARD_REPLACEMENT_REASON_LABELS, d['reason'])],
      ];
    case 'DEATH_REGISTRATION':
      return deathRegistrationRows(d);
  }
}

export function ApplicationDetails({ application }: { application: Application }): ReactNode {
  return (
    <dl className="facts details">
      {rowsOf(application).map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The NIKs an application names, for highlighting them in the registry panel. */
export function niksNamed(application: Application): string[] {
  const d = application.details;
  const witnesses: unknown[] = Array.isArray(d['witnessNiks']) ? (d['witnessNiks'] as unknown[]) : [];
  const niks: unknown[] = [
    d['fatherNik'],
    d['motherNik'],
    d['headNik'],
    d['deceasedNik'],
    d['newHeadNik'],
    ...witnesses,
  ];
  if (Array.isArray(d['members'])) niks.push(...(d['members'] as Array<{ nik: string }>).map((m) => m.nik));
  if (Array.isArray(d['memberChanges'])) niks.push(...(d['memberChanges'] as Array<{ nik: string }>).map((m) => m.nik));
  return niks.filter((nik): nik is string => typeof nik === 'string');
}
