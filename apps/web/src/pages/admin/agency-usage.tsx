import { useState, type ReactNode } from 'react';
import { get } from '../../api/client';
import type { components, Page } from '../../api/types';
import { VERIFICATION_FIELD_LABELS } from '../../domain/labels';
import { ErrorBox } from '../../ui/form';
import { useLoad } from '../../ui/use-load';

type AgencyUsage = components['schemas']['AgencyUsageView'];

const PAGE_SIZE = 20;
const numbers = new Intl.NumberFormat('id-ID');

/**
 * `GET /admin/agencies`: every agency (lembaga pengguna) with its agreement and how many NIK
 * checks it made today. Agencies serve the whole deployment: a regency ADMIN is told so.
 */
export function AgencyUsagePage(): ReactNode {
  const [offset, setOffset] = useState(0);
  const list = useLoad(() => get<Page<AgencyUsage>>(`/admin/agencies?limit=${PAGE_SIZE}&offset=${offset}`), [offset]);
  const page = list.data;
  return (
    <>
      <p>
        Lembaga pengguna yang terdaftar, hak akses pencocokan datanya, kuota per menit, dan jumlah pemeriksaan NIK hari
        ini (sejak pukul 00.00 waktu setempat; satu permintaan kelompok berisi 1.000 NIK dihitung 1.000).
      </p>
      {list.loading ? <p aria-live="polite">Memuat…</p> : null}
      <ErrorBox error={list.error} />
      {page && page.items.length === 0 ? <p>Belum ada lembaga pengguna yang terdaftar.</p> : null}
      {page && page.items.length > 0 ? (
        <div className="table-wrap" tabIndex={0} aria-label="Daftar lembaga pengguna">
          <table data-testid="agency-usage">
            <caption>
              {page.total} lembaga pengguna
              {page.total > PAGE_SIZE ? ` · ${offset + 1}–${Math.min(offset + PAGE_SIZE, page.total)} ditampilkan` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Nama lembaga</th>
                <th scope="col">client_id</th>
                <th scope="col">Kolom yang boleh dicocokkan</th>
                <th scope="col" className="number">
                  Kuota per menit
                </th>
                <th scope="col">Status</th>
                <th scope="col" className="number">
                  Pemeriksaan hari ini
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((agency) => (
                <tr key={agency.id}>
                  <th scope="row">{agency.name}</th>
                  <td className="mono">{agency.clientId}</td>
                  <td>{agency.allowedFields.map((field) => VERIFICATION_FIELD_LABELS[field] ?? field).join(', ')}</td>
                  <td className="number">{numbers.format(agency.requestsPerMinute)}</td>
                  <td>{agency.suspended ? <strong>Dihentikan sementara</strong> : 'Aktif'}</td>
                  <td className="number">{numbers.format(agency.checksToday)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {page && page.total > PAGE_SIZE ? (
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={offset === 0}
            onClick={() => setOffset(offset - PAGE_SIZE)}
          >
            Sebelumnya
          </button>
          <button
            type="button"
            className="button"
            disabled={offset + PAGE_SIZE >= page.total}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            Berikutnya
          </button>
        </div>
      ) : null}
    </>
  );
}
