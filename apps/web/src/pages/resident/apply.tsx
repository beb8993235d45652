import { useState, type ReactNode } from 'react';
import { currentSession, myFamily } from '../../api/client';
import type { ApplicationType } from '../../api/types';
import { formOf, typeOfSlug, WEB_APPLICATION_TYPES } from '../../application-types/application-types.registry';
import { APPLICATION_TYPE_LABELS, TYPE_SHORT_LABELS } from '../../domain/labels';
import { Link, navigate } from '../../router';
import { ErrorBox } from '../../ui/form';
import { useLoad } from '../../ui/use-load';
import type { PendingFile } from './evidence';
import { sendApplication, type UploadProgress } from './submit';

export function ApplyPage({ type }: { type?: string }): ReactNode {
  const chosen = type ? typeOfSlug(type) : undefined;
  if (!chosen) {
    return (
      <ul className="service-list">
        {Object.values(WEB_APPLICATION_TYPES).map((web) => (
          <li key={web.slug}>
            <Link to={`/permohonan/baru/${web.slug}`} className="card service">
              <strong>{TYPE_SHORT_LABELS[web.type]}</strong>
              <span>{web.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    );
  }
  return <ApplyForm type={chosen} />;
}

function ApplyForm({ type }: { type: ApplicationType }): ReactNode {
  const family = useLoad(() => myFamily(), []);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<UploadProgress>();
  const account = currentSession()?.account;
  if (family.loading) return <p aria-live="polite">Memuat data keluarga…</p>;
  if (family.error || !family.data || !account) return <ErrorBox error={family.error} />;
  const Form = formOf(type);

  const onSubmit = (body: Record<string, unknown>, files: PendingFile[]): void => {
    setBusy(true);
    setError(undefined);
    setProgress(undefined);
    sendApplication(body, files, undefined, setProgress).then(
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
        progress={progress}
        onSubmit={onSubmit}
      />
    </>
  );
}
