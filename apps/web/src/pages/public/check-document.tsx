import { useState, type FormEvent, type ReactNode } from 'react';
import { get } from '../../api/client';
import type { PublicDocument } from '../../api/types';
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_TEXT } from '../../domain/labels';
import { ErrorBox, TextField } from '../../ui/form';
import { formatDate } from '../../ui/format';

/** The token at the end of a verification URL, or the token itself. */
function tokenOf(input: string): string {
  const trimmed = input.trim();
  const match = /\/verifikasi\/([A-Za-z0-9_-]+)/.exec(trimmed);
  return match ? match[1] : trimmed;
}

/** The same facts as /verifikasi/{token}, for someone who typed or pasted the code. */
export function CheckDocumentPage(): ReactNode {
  const [input, setInput] = useState('');
  const [result, setResult] = useState<PublicDocument>();
  const [error, setError] = useState<unknown>();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const token = tokenOf(input);
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) {
      setResult(undefined);
      setError(new Error('Kode verifikasi tidak dikenal.'));
      return;
    }
    setError(undefined);
    get<PublicDocument>(`/public/documents/${token}`).then(setResult, (caught: unknown) => {
      setResult(undefined);
      setError(caught);
    });
  };
  const verdict = result ? DOCUMENT_STATUS_TEXT[result.status] : undefined;
  return (
    <div className="narrow">
      <p>Pindai kode QR pada dokumen dengan kamera ponsel, atau tempel alamat/kode verifikasinya di sini.</p>
      <form className="card" onSubmit={submit}>
        <TextField
          label="Alamat atau kode verifikasi"
          name="token"
          value={input}
          onValue={setInput}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button-primary">
          Periksa
        </button>
      </form>
      <ErrorBox error={error} />
      {result && verdict ? (
        <>
          <section className={`verdict ${verdict.tone}`} role="status">
            <h2>{verdict.title}</h2>
            <p>{verdict.explanation}</p>
          </section>
          <dl className="verdict-facts">
            <dt>Jenis dokumen</dt>
            <dd>{DOCUMENT_KIND_LABELS[result.kind]}</dd>
            <dt>Nomor</dt>
            <dd>{result.number}</dd>
            <dt>Nama pemegang</dt>
            <dd>{result.holderName}</dd>
            <dt>Tanggal terbit</dt>
            <dd>{formatDate(result.issuedAt)}</dd>
            <dt>Diterbitkan oleh</dt>
            <dd>{result.issuer}</dd>
          </dl>
        </>
      ) : null}
    </div>
  );
}
