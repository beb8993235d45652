import { useState, type FormEvent, type ReactNode } from 'react';
import { post } from '../../api/client';
import type { DocumentView } from '../../api/types';
import { DOCUMENT_KIND_LABELS } from '../../domain/labels';
import { checkReadableText } from '../../domain/text-rules';
import { ErrorBox, Notice, TextAreaField, TextField } from '../../ui/form';

export function RevokePage(): ReactNode {
  const [id, setId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [revoked, setRevoked] = useState<DocumentView>();
  const [tried, setTried] = useState(false);
  const checks = {
    id: /^[0-9a-f-]{36}$/i.test(id.trim()) ? {} : { error: 'ID dokumen berupa UUID.' },
    reason: checkReadableText(reason, 'Alasan pencabutan', { multiline: true }),
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setTried(true);
    if (checks.id.error || checks.reason.error) return;
    if (!window.confirm('Cabut dokumen ini? Pemeriksaan kode QR akan menyatakan DOKUMEN DICABUT.')) return;
    setError(undefined);
    post<DocumentView>(`/admin/documents/${id.trim()}/revoke`, { reason: reason.trim() }).then(setRevoked, setError);
  };
  return (
    <div className="narrow">
      <p>
        Dokumen yang dicabut tetap tercatat, tetapi halaman verifikasi kode QR menyatakannya tidak berlaku beserta
        alasannya.
      </p>
      {revoked ? (
        <Notice tone="success">
          {DOCUMENT_KIND_LABELS[revoked.kind]} nomor <span className="mono">{revoked.number}</span> dicabut.
        </Notice>
      ) : null}
      <form className="card" onSubmit={submit} noValidate>
        <ErrorBox error={error} />
        <TextField
          label="ID dokumen"
          name="documentId"
          value={id}
          onValue={setId}
          check={checks.id}
          showError={tried}
          className="mono"
        />
        <TextAreaField
          label="Alasan pencabutan"
          name="reason"
          value={reason}
          onValue={setReason}
          check={checks.reason}
          showError={tried}
          rows={3}
        />
        <button type="submit" className="button-danger">
          Cabut dokumen
        </button>
      </form>
    </div>
  );
}
