import type { ReactNode } from 'react';
import { get } from '../../api/client';
import type { AccessLogItem, Page } from '../../api/types';
import { ErrorBox } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { useLoad } from '../../ui/use-load';

export function AccessLogPage(): ReactNode {
  const log = useLoad(() => get<Page<AccessLogItem>>('/me/access-log?limit=100'), []);
  return (
    <>
      <p>
        Setiap kali petugas Disdukcapil atau lembaga pengguna (bank, BPJS, kepolisian, …) membaca data kependudukan
        Anda, hal itu dicatat di sini: siapa, kapan, data apa, dan untuk keperluan apa (UU 27/2022).
      </p>
      {log.loading ? <p aria-live="polite">Memuat…</p> : null}
      <ErrorBox error={log.error} />
      {log.data && log.data.items.length === 0 ? <p>Belum ada yang mengakses data Anda.</p> : null}
      {log.data && log.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{log.data.total} catatan akses</caption>
            <thead>
              <tr>
                <th scope="col">Waktu</th>
                <th scope="col">Pengakses</th>
                <th scope="col">Keperluan</th>
                <th scope="col">Data yang dibaca</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((item, index) => (
                <tr key={index}>
                  <td>{formatDateTime(item.at)}</td>
                  <td>
                    {item.actor}
                    <br />
                    <small>{item.actorType === 'AGENCY' ? 'Lembaga pengguna' : 'Petugas Disdukcapil'}</small>
                  </td>
                  <td>{item.purpose}</td>
                  <td>{item.fields.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
