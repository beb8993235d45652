import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { get, type Session } from '../../api/client';
import type { Application, ApplicationStatus, ApplicationType, Page } from '../../api/types';
import { STATUS_LABELS, TYPE_SHORT_LABELS } from '../../domain/labels';
import { Link, navigate, useLocation } from '../../router';
import { ErrorBox, SelectField, TextField } from '../../ui/form';
import { formatAge, formatDateTime, maskNik } from '../../ui/format';
import { StatusBadge } from '../../ui/status';
import { useLoad } from '../../ui/use-load';

const PAGE = 50;

/** The regency's applications, oldest first (API.md: staff see their own regency only). */
export function QueuePage({ session }: { session: Session }): ReactNode {
  const { query } = useLocation();
  const role = session.account.role;
  const defaultStatus = role === 'OFFICIAL' ? 'VERIFIED' : 'SUBMITTED';
  const status = (query.get('status') ?? defaultStatus) as ApplicationStatus | '';
  const type = (query.get('jenis') ?? '') as ApplicationType | '';
  const offset = Number(query.get('mulai') ?? '0') || 0;
  const search = query.get('cari') ?? '';
  const [typed, setTyped] = useState(search);
  const [selected, setSelected] = useState(0);
  const list = useLoad(() => {
    const params = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
    if (status) params.set('status', status);
    if (type) params.set('type', type);
    if (search) params.set('q', search);
    return get<Page<Application>>(`/applications?${params.toString()}`);
  }, [status, type, offset, search]);
  const count = list.data?.items.length ?? 0;

  // j/k move through the rows and Enter opens, from the moment the page opens: a clerk works
  // this list all day. Not while typing in a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'j' && event.key !== 'k') return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && target.closest('input, select, textarea, [contenteditable="true"]')) return;
      const links = document.querySelectorAll<HTMLAnchorElement>('.queue-link');
      if (links.length === 0) return;
      event.preventDefault();
      const focused = [...links].findIndex((link) => link === document.activeElement);
      const from = focused >= 0 ? focused : event.key === 'j' ? -1 : links.length;
      const next = Math.min(Math.max(from + (event.key === 'j' ? 1 : -1), 0), links.length - 1);
      setSelected(next);
      links[next]?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [count]);

  const setFilter = (name: string, value: string): void => {
    const next = new URLSearchParams(query);
    next.set(name, value);
    next.delete('mulai');
    navigate(`/petugas?${next.toString()}`, { replace: true });
  };
  const items = list.data?.items ?? [];
  const submitSearch = (event: FormEvent): void => {
    event.preventDefault();
    setFilter('cari', typed.trim());
  };

  return (
    <>
      <p className="lead">
        Wilayah kerja: kode {session.account.regencyCode ?? '—'} ·{' '}
        {role === 'OFFICIAL'
          ? 'Pejabat pencatatan sipil: menyetujui permohonan yang sudah diverifikasi.'
          : 'Operator/verifikator: memeriksa berkas dan memverifikasi.'}
      </p>
      <form className="filters" role="search" aria-label="Cari permohonan" onSubmit={submitSearch}>
        <TextField
          label="Cari nomor permohonan atau nama pemohon"
          name="cari"
          type="search"
          value={typed}
          onValue={setTyped}
          autoComplete="off"
        />
        <button type="submit" className="button">
          Cari
        </button>
      </form>
      <div className="filters" role="group" aria-label="Saring antrean">
        <SelectField
          label="Status"
          name="status"
          value={status}
          onValue={(value) => setFilter('status', value)}
          options={Object.entries(STATUS_LABELS)}
          placeholder="Semua status"
        />
        <SelectField
          label="Jenis layanan"
          name="jenis"
          value={type}
          onValue={(value) => setFilter('jenis', value)}
          options={Object.entries(TYPE_SHORT_LABELS)}
          placeholder="Semua jenis"
        />
        <button type="button" className="button" onClick={list.reload}>
          Muat ulang
        </button>
      </div>
      <ErrorBox error={list.error} />
      {list.loading && !list.data ? <p aria-live="polite">Memuat antrean…</p> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="queue">
            <caption>
              {list.data.total} permohonan{status ? ` berstatus ${STATUS_LABELS[status]}` : ''}
              {search ? ` yang cocok dengan "${search}"` : ''} · yang paling lama menunggu di atas · tombol <kbd>j</kbd>
              /<kbd>k</kbd> untuk berpindah baris
            </caption>
            <thead>
              <tr>
                <th scope="col">Nomor</th>
                <th scope="col">Jenis layanan</th>
                <th scope="col">Pemohon</th>
                <th scope="col">Status</th>
                <th scope="col">Menunggu</th>
                <th scope="col">Diperbarui</th>
              </tr>
            </thead>
            <tbody>
              {items.map((application, index) => (
                <tr
                  key={application.id}
                  className={
                    [
                      (application.waitingSeconds ?? 0) > 3 * 86_400 ? 'overdue' : '',
                      index === selected ? 'selected' : '',
                    ]
                      .filter(Boolean)
                      .join(' ') || undefined
                  }
                >
                  <td>
                    <Link
                      to={`/petugas/permohonan/${application.id}`}
                      className="queue-link mono"
                      onFocus={() => setSelected(index)}
                    >
                      {application.number}
                    </Link>
                  </td>
                  <td>{TYPE_SHORT_LABELS[application.type]}</td>
                  <td>
                    {application.applicantName ?? '—'}
                    <br />
                    <small className="mono">NIK {maskNik(application.applicantNik)}</small>
                    {application.ownFamily ? (
                      <>
                        <br />
                        <small>
                          <strong>Keluarga Anda</strong> — diproses petugas lain
                        </small>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <StatusBadge status={application.status} />
                  </td>
                  <td>{formatAge(application.waitingSeconds)}</td>
                  <td>{formatDateTime(application.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {items.length === 0 ? <p>Tidak ada permohonan dengan saringan ini.</p> : null}
        </div>
      ) : null}
      {list.data && list.data.total > PAGE ? (
        <nav className="pager" aria-label="Halaman antrean">
          <button
            type="button"
            className="button"
            disabled={offset === 0}
            onClick={() => setFilter('mulai', String(Math.max(offset - PAGE, 0)))}
          >
            Sebelumnya
          </button>
          <span>
            {offset + 1}–{Math.min(offset + PAGE, list.data.total)} dari {list.data.total}
          </span>
          <button
            type="button"
            className="button"
            disabled={offset + PAGE >= list.data.total}
            onClick={() => setFilter('mulai', String(offset + PAGE))}
          >
            Berikutnya
          </button>
        </nav>
      ) : null}
    </>
  );
}
