import { useState, type FormEvent, type ReactNode } from 'react';
import { post } from '../../api/client';
import type { ImportReport } from '../../api/types';
import { ErrorBox, Notice } from '../../ui/form';

export function ImportPage(): ReactNode {
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    post<ImportReport>('/admin/residents/import', file, 'text/csv').then(
      (result) => {
        setReport(result);
        setBusy(false);
      },
      (caught: unknown) => {
        setError(caught);
        setBusy(false);
      },
    );
  };
  return (
    <>
      <p>
        Unggah berkas CSV dengan baris judul berisi kolom data penduduk dan keluarga (nik, fullName, sex, …,
        familyCardNumber, address, rt, rw, villageCode, postalCode), atau berkas ekspor SIAK (37 kolom) apa adanya;
        pemisah koma atau titik koma. Data diperbarui berdasarkan NIK; baris yang salah tidak menghentikan baris lain.
      </p>
      <form className="card" onSubmit={submit}>
        <div className="field">
          <label htmlFor="csv">Berkas CSV</label>
          <input
            id="csv"
            name="csv"
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => setFile(event.target.files?.[0])}
          />
        </div>
        <button type="submit" className="button-primary" disabled={!file || busy}>
          {busy ? 'Mengimpor…' : 'Impor'}
        </button>
      </form>
      <ErrorBox error={error} />
      {report ? (
        <section aria-labelledby="hasil" className="card">
          <h2 id="hasil">Hasil impor</h2>
          <Notice tone={report.rejected.length ? 'warning' : 'success'}>
            <span data-testid="import-summary">
              {report.imported} baru, {report.updated} diperbarui, {report.rejected.length} ditolak.
            </span>
          </Notice>
          {report.rejected.length > 0 ? (
            <div className="table-wrap">
              <table>
                <caption>Baris yang ditolak (baris 1 adalah judul)</caption>
                <thead>
                  <tr>
                    <th scope="col">Baris</th>
                    <th scope="col">Kesalahan</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rejected.map((row) => (
                    <tr key={row.line}>
                      <td>{row.line}</td>
                      <td>
                        <ul className="plain">
                          {row.errors.map((problem, index) => (
                            <li key={index}>
                              {typeof problem === 'string'
                                ? problem
                                : `${problem.field ? `${problem.field}: ` : ''}${problem.message}`}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
