import { useState, type ReactNode } from 'react';
import { currentSession, get } from '../../api/client';
import type { Application, Family } from '../../api/types';
import { formOf } from '../../application-types/application-types.registry';
import { TYPE_SHORT_LABELS } from '../../domain/labels';
import { Link, navigate } from '../../router';
import { ErrorBox, Notice } from '../../ui/form';
import { useLoad } from '../../ui/use-load';
import type { PendingFile } from './evidence';
import { sendApplication, type UploadProgress } from './submit';

/** A returned application: the reason on top, the same form filled with what was sent. */
export function ResubmitPage({ id }: { id: string }): ReactNode {
  const loaded = useLoad(() => Promise.all([get<Application>(`/applications/${id}`), get<Family>('/me/family')]), [id]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<UploadProgress>();
  const account = currentSession()?.account;
  if (loaded.loading) return <p aria-live="polite">Memuat permohonan…</p>;
  if (loaded.error || !loaded.data || !account) return <ErrorBox error={loaded.error} />;
  const [application, family] = loaded.data;
  if (application.status !== 'REVISION_REQUESTED') {
    return (
      <Notice>
        Permohonan ini tidak sedang menunggu perbaikan. <Link to={`/permohonan/${id}`}>Lihat rinciannya</Link>.
      </Notice>
    );
  }
  const returned = [...application.history].reverse().find((entry) => entry.to === 'REVISION_REQUESTED');
  const Form = formOf(application.type);
  const onSubmit = (body: Record<string, unknown>, files: PendingFile[]): void => {
    setBusy(true);
    setError(undefined);
    setProgress(undefined);
    sendApplication(body, files, application.id, setProgress).then(
      ({ application: updated }) => navigate(`/permohonan/${updated.id}?diperbaiki=1`),
      (caught: unknown) => {
        setError(caught);
        setBusy(false);
        window.scrollTo(0, 0);
      },
    );
  };
  return (
    <>
      <p className="lead">
        {TYPE_SHORT_LABELS[application.type]} · <span className="mono">{application.number}</span>
      </p>
      <div className="alert alert-warning" role="status">
        <p>
          <strong>Dikembalikan untuk perbaikan.</strong> Alasan petugas:
        </p>
        <blockquote className="reason">{returned?.reason ?? '—'}</blockquote>
      </div>
      {application.attachments.length > 0 ? (
        <p className="hint">
          Berkas yang sudah dikirim tetap tersimpan ({application.attachments.map((a) => a.fileName).join(', ')}).
          Tambahkan berkas baru bila diminta.
        </p>
      ) : null}
      <Form
        family={family}
        account={account}
        initial={application.details}
        submitLabel="Ajukan kembali"
        error={error}
        busy={busy}
        progress={progress}
        onSubmit={onSubmit}
      />
    </>
  );
}
