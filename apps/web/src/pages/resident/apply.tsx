import { useState, type ReactNode } from 'react';
import { currentSession, get } from '../../api/client';
import type { ApplicationType, Family } from '../../api/types';
import { APPLICATION_TYPE_LABELS, TYPE_SHORT_LABELS } from '../../domain/labels';
import { Link, navigate } from '../../router';
import { ErrorBox } from '../../ui/form';
import { useLoad } from '../../ui/use-load';
import type { PendingFile } from './evidence';
import { FORMS } from './forms';
import { sendApplication } from './submit';

const SLUGS: Record<string, ApplicationType> = {
  kelahiran: 'BIRTH_REGISTRATION',
  'kk-baru': 'FAMILY_CARD_NEW',
  'perubahan-kk': 'FAMILY_CARD_UPDATE',
  'kk-hilang-rusak': 'FAMILY_CARD_REPLACEMENT',
  kematian: 'DEATH_REGISTRATION',
};

const DESCRIPTIONS: Record<ApplicationType, string> = {
  BIRTH_REGISTRATION:
    'Mencatat kelahiran anak: anak mendapat NIK, Kutipan Akta Kelahiran, dan Kartu Keluarga yang diperbarui.',
  FAMILY_CARD_NEW: 'Membentuk Kartu Keluarga baru, mis. setelah menikah, dengan alamat baru.',
  FAMILY_CARD_UPDATE: 'Pindah alamat dalam kabupaten/kota, atau perubahan pendidikan, pekerjaan, status perkawinan.',
  FAMILY_CARD_REPLACEMENT: 'Mencetak ulang Kartu Keluarga yang hilang atau rusak.',
  DEATH_REGISTRATION: 'Melaporkan kematian anggota keluarga: Kutipan Akta Kematian dan Kartu Keluarga yang diperbarui.',
};

export function ApplyPage({ type }: { type?: string }): ReactNode {
  const chosen = type ? SLUGS[type] : undefined;
  if (!chosen) {
    return (
      <ul className="service-list">
        {Object.entries(SLUGS).map(([slug, value]) => (
          <li key={slug}>
            <Link to={`/permohonan/baru/${slug}`} className="card service">
              <strong>{TYPE_SHORT_LABELS[value]}</strong>
              <span>{DESCRIPTIONS[value]}</span>
            </Link>
          </li>
        ))}
      </ul>
    );
  }
  return <ApplyForm type={chosen} />;
}

function ApplyForm({ type }: { type: ApplicationType }): ReactNode {
  const family = useLoad(() => get<Family>('/me/family'), []);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const account = currentSession()?.account;
  if (family.loading) return <p aria-live="polite">Memuat data keluarga…</p>;
  if (family.error || !family.data || !account) return <ErrorBox error={family.error} />;
  const Form = FORMS[type];

  const onSubmit = (body: Record<string, unknown>, files: PendingFile[]): void => {
    setBusy(true);
    setError(undefined);
    sendApplication(body, files).then(
      ({ application, failedFiles }) =>
        navigate(
          `/permohonan/${application.id}?baru=1${failedFiles.length ? `&gagal=${encodeURIComponent(failedFiles.join(', '))}` : ''}`,
        ),
      (caught: unknown) => {
        setError(caught);
        setBusy(false);
        window.scrollTo(0, 0);
      },
    );
  };

  return (
    <>
      <p className="lead">{APPLICATION_TYPE_LABELS[type]}</p>
      <Form
        family={family.data}
        account={account}
        submitLabel="Kirim permohonan"
        error={error}
        busy={busy}
        onSubmit={onSubmit}
      />
    </>
  );
}
