import type { ReactNode } from 'react';
import { myFamily } from '../../api/client';
import type { Family } from '../../api/types';
import {
  MARITAL_STATUS_LABELS,
  RELATIONSHIP_LABELS,
  RELIGION_LABELS,
  SEX_LABELS,
  sentenceCase,
} from '../../domain/labels';
import { Link } from '../../router';
import { ErrorBox } from '../../ui/form';
import { formatDate } from '../../ui/format';
import { useLoad } from '../../ui/use-load';

const label = (labels: Readonly<Record<string, string>>, value: string | undefined): string =>
  value === undefined ? '—' : (labels[value] ?? value);

/** `Pelajar/mahasiswa` may wrap after the slash, never inside a word. */
const breakAfterSlash = (value: string | undefined): string =>
  value === undefined ? '—' : sentenceCase(value).replace(/\//g, '/\u200b');

export function FamilySummary({ family }: { family: Family }): ReactNode {
  return (
    <dl className="facts">
      <div>
        <dt>No. KK</dt>
        <dd className="mono">{family.familyCardNumber}</dd>
      </div>
      <div>
        <dt>Alamat</dt>
        <dd>
          {family.address}, RT {family.rt} / RW {family.rw}
        </dd>
      </div>
      <div>
        <dt>Desa/Kelurahan</dt>
        <dd>{family.villageName ?? family.villageCode}</dd>
      </div>
      <div>
        <dt>Kecamatan</dt>
        <dd>{family.districtName ?? '—'}</dd>
      </div>
      <div>
        <dt>Kabupaten/Kota</dt>
        <dd>{family.regencyName ?? '—'}</dd>
      </div>
      <div>
        <dt>Kode pos</dt>
        <dd>{family.postalCode}</dd>
      </div>
    </dl>
  );
}

export function FamilyPage(): ReactNode {
  const family = useLoad(() => myFamily(), []);
  if (family.loading) return <p aria-live="polite">Memuat data keluarga…</p>;
  if (family.error || !family.data) return <ErrorBox error={family.error} />;
  const data = family.data;
  return (
    <>
      <section className="card">
        <h2>Kartu Keluarga</h2>
        <FamilySummary family={data} />
      </section>
      <section aria-labelledby="anggota">
        <h2 id="anggota">Anggota keluarga</h2>
        <ul className="member-cards">
          {data.members.map((person) => (
            <li key={person.nik} className="card member">
              <p className="member-name">{person.fullName}</p>
              <p className="member-role">{label(RELATIONSHIP_LABELS, person.relationship)}</p>
              <dl className="facts compact">
                <div>
                  <dt>NIK</dt>
                  <dd className="mono">{person.nik}</dd>
                </div>
                <div>
                  <dt>Jenis kelamin</dt>
                  <dd>{label(SEX_LABELS, person.sex)}</dd>
                </div>
                <div>
                  <dt>Tempat, tanggal lahir</dt>
                  <dd>
                    {person.birthPlace}, {formatDate(person.birthDate)}
                  </dd>
                </div>
                <div>
                  <dt>Agama</dt>
                  <dd>{label(RELIGION_LABELS, person.religion)}</dd>
                </div>
                <div>
                  <dt>Pendidikan</dt>
                  <dd>{breakAfterSlash(person.education)}</dd>
                </div>
                <div>
                  <dt>Pekerjaan</dt>
                  <dd>{breakAfterSlash(person.occupation)}</dd>
                </div>
                <div>
                  <dt>Status perkawinan</dt>
                  <dd>{label(MARITAL_STATUS_LABELS, person.maritalStatus)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link to="/permohonan/baru" className="button button-primary">
          Ajukan permohonan
        </Link>
      </p>
    </>
  );
}
