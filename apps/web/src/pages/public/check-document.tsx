import { useState, type FormEvent, type ReactNode } from 'react';
import { tokenOfTypedCode } from '../../../../../libs/domain/src/documents/verification-code.js';
import { ApiError, get } from '../../api/client';
import type { PublicDocument } from '../../api/types';
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_TEXT } from '../../domain/labels';
import { ErrorBox, ErrorSummary, TextField } from '../../ui/form';
import { formatLocalDate, regionOfDocumentNumber } from '../../ui/format';

/** The same facts as /verifikasi/{token}, for someone who typed the printed code or pasted the address. */
export function CheckDocumentPage(): ReactNode {
  const [input, setInput] = useState('');
  const [result, setResult] = useState<PublicDocument>();
  const [error, setError] = useState<unknown>();
  const [problem, setProblem] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const typed = tokenOfTypedCode(input);
    setResult(undefined);
    setError(undefined);
    setAttempt((n) => n + 1);
    if ('problem' in typed && typed.problem === 'EMPTY') {
      setProblem('Masukkan kode verifikasi yang tercetak di samping kode QR dokumen.');
      return;
    }
    if ('problem' in typed) {
      setProblem(
        'Ini bukan kode verifikasi. Kode verifikasi terdiri dari 29 huruf dan angka (mis. 8XK2-…); nomor dokumen atau NIK tidak dapat dipakai.',
      );
      return;
    }
    setProblem(undefined);
    get<PublicDocument>(`/public/documents/${typed.token}`).then(setResult, (caught: unknown) =>
      setError(
        caught instanceof ApiError && caught.status === 404
          ? new Error(
              'Kode verifikasi tidak dikenal: tidak ada dokumen dengan kode ini. Periksa kembali kode yang Anda ketik.',
            )
          : caught,
      ),
    );
  };
  const verdict = result ? DOCUMENT_STATUS_TEXT[result.status] : undefined;
  return (
    <div className="narrow">
      <p>
        Pindai kode QR pada dokumen dengan kamera ponsel, atau ketik kode verifikasi yang tercetak di samping kode QR.
      </p>
      <form className="card" onSubmit={submit} noValidate>
        <ErrorSummary attempt={problem ? attempt : 0} />
        <TextField
          label="Kode verifikasi"
          hint="Huruf besar atau kecil, dengan atau tanpa spasi dan tanda hubung. Alamat dari kode QR juga bisa ditempel."
          name="token"
          value={input}
          onValue={setInput}
          check={problem ? { error: problem } : undefined}
          autoComplete="off"
          autoCapitalize="characters"
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
            <dd>{formatLocalDate(result.issuedAt, regionOfDocumentNumber(result.number))}</dd>
            <dt>Diterbitkan oleh</dt>
            <dd>{result.issuer}</dd>
          </dl>
        </>
      ) : null}
    </div>
  );
}
