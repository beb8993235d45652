import { useEffect, useState, type ReactNode } from 'react';
import { describeError, get, post, saveFile } from '../../api/client';
import type { Application, DocumentView } from '../../api/types';
import {
  ATTACHMENT_KIND_LABELS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  TYPE_SHORT_LABELS,
  documentFileName,
} from '../../domain/labels';
import { Link, useLocation } from '../../router';
import { ErrorBox, Notice } from '../../ui/form';
import { formatDateTime, formatSize } from '../../ui/format';
import { StatusBadge, Timeline } from '../../ui/status';
import { useLoad } from '../../ui/use-load';

const NEXT_STEP: Record<string, string> = {
  SUBMITTED: 'Permohonan Anda menunggu pemeriksaan petugas (verifikasi).',
  VERIFIED: 'Berkas sudah diverifikasi petugas dan menunggu persetujuan pejabat pencatatan sipil.',
  APPROVED: 'Permohonan disetujui. Dokumen sedang diterbitkan secara elektronik.',
  ISSUED: 'Dokumen sudah terbit. Unduh dan cetak di kertas A4 biasa; dokumen ditandatangani secara elektronik.',
  REVISION_REQUESTED: 'Permohonan dikembalikan untuk perbaikan. Perbaiki sesuai alasan petugas lalu ajukan kembali.',
  REJECTED: 'Permohonan ditolak. Alasannya tercantum pada riwayat di bawah.',
  CANCELLED: 'Permohonan dibatalkan.',
};

export function MyApplicationPage({ id }: { id: string }): ReactNode {
  const { query } = useLocation();
  const loaded = useLoad(() => get<Application>(`/applications/${id}`), [id]);
  const [actionError, setActionError] = useState<unknown>();
  const approved = loaded.data?.status === 'APPROVED';
  const { reload } = loaded;
  // Approved documents are issued within seconds: look again until they are there.
  useEffect(() => {
    if (!approved) return;
    const timer = setInterval(reload, 3000);
    return () => clearInterval(timer);
  }, [approved, reload]);
  if (loaded.loading && !loaded.data) return <p aria-live="polite">Memuat permohonan…</p>;
  if (loaded.error || !loaded.data) return <ErrorBox error={loaded.error} />;
  const application = loaded.data;
  const lastReason = [...application.history].reverse().find((entry) => entry.reason && entry.to !== 'VERIFIED');

  const cancel = (): void => {
    if (!window.confirm('Batalkan permohonan ini? Tindakan ini tidak dapat diurungkan.')) return;
    post<Application>(`/applications/${id}/cancel`).then(loaded.setData, setActionError);
  };

  return (
    <>
      {query.get('baru') ? (
        <Notice tone="success">
          Permohonan terkirim. Nomor permohonan Anda: <strong className="mono">{application.number}</strong> — sebutkan
          nomor ini bila bertanya di loket.
        </Notice>
      ) : null}
      {query.get('diperbaiki') ? (
        <Notice tone="success">Perbaikan terkirim. Permohonan kembali diperiksa petugas.</Notice>
      ) : null}
      {query.get('gagal') ? (
        <div className="alert alert-error" role="alert">
          Berkas berikut gagal diunggah: {query.get('gagal')}. Periksa jenis dan ukurannya.
        </div>
      ) : null}
      <ErrorBox error={actionError} />
      <section className="card">
        <p className="lead">{TYPE_SHORT_LABELS[application.type]}</p>
        <dl className="facts">
          <div>
            <dt>Nomor permohonan</dt>
            <dd className="mono" data-testid="application-number">
              {application.number}
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd data-testid="application-status">
              <StatusBadge status={application.status} />
            </dd>
          </div>
          <div>
            <dt>Diajukan</dt>
            <dd>{formatDateTime(application.submittedAt)}</dd>
          </div>
        </dl>
        <p>{NEXT_STEP[application.status]}</p>
        {application.status === 'APPROVED' ? (
          <button type="button" className="button" onClick={loaded.reload}>
            Muat ulang status
          </button>
        ) : null}
        {lastReason && ['REVISION_REQUESTED', 'REJECTED'].includes(application.status) ? (
          <div className="alert alert-warning">
            <p>
              <strong>Alasan petugas:</strong>
            </p>
            <blockquote className="reason">{lastReason.reason}</blockquote>
          </div>
        ) : null}
        <div className="button-row">
          {application.allowedActions?.includes('resubmit') || application.status === 'REVISION_REQUESTED' ? (
            <Link to={`/permohonan/${id}/perbaiki`} className="button button-primary">
              Perbaiki dan ajukan kembali
            </Link>
          ) : null}
          {application.allowedActions?.includes('cancel') ? (
            <button type="button" className="button button-danger" onClick={cancel}>
              Batalkan permohonan
            </button>
          ) : null}
        </div>
      </section>
      {application.documents.length > 0 ? (
        <section className="card" aria-labelledby="dokumen">
          <h2 id="dokumen">Dokumen terbit</h2>
          <ul className="document-list">
            {application.documents.map((doc) => (
              <IssuedDocument key={doc.id} id={doc.id} kind={doc.kind} number={doc.number} />
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="riwayat">
        <h2 id="riwayat">Riwayat status</h2>
        <Timeline history={application.history} />
      </section>
      {application.attachments.length > 0 ? (
        <section className="card" aria-labelledby="berkas">
          <h2 id="berkas">Berkas terkirim</h2>
          <ul className="file-list">
            {application.attachments.map((file) => (
              <li key={file.id}>
                <span>
                  <strong>{ATTACHMENT_KIND_LABELS[file.kind]}</strong>: {file.fileName} ({formatSize(file.size)})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function IssuedDocument({ id, kind, number }: { id: string; kind: DocumentView['kind']; number: string }): ReactNode {
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const doc = useLoad(() => get<DocumentView>(`/documents/${id}`), [id]);
  const download = (): void => {
    setBusy(true);
    const fileName = documentFileName(kind, number);
    saveFile(`/documents/${id}/pdf`, fileName).then(
      () => setBusy(false),
      (error: unknown) => {
        setProblem(describeError(error));
        setBusy(false);
      },
    );
  };
  const status = doc.data?.status;
  return (
    <li className="document">
      <div>
        <strong>{DOCUMENT_KIND_LABELS[kind]}</strong>
        <br />
        Nomor <span className="mono">{number}</span>
        {status && status !== 'VALID' ? (
          <span className={`badge badge-${status.toLowerCase()}`}>
            {status === 'SUPERSEDED' ? 'Sudah diganti' : 'Dicabut'}
          </span>
        ) : null}
      </div>
      <button type="button" className="button button-primary" onClick={download} disabled={busy}>
        {busy ? 'Mengunduh…' : `Unduh PDF ${DOCUMENT_KINDS[kind].shortLabel}`}
      </button>
      {problem ? (
        <p className="error-text" role="alert">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
