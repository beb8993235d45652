import { useState, type ReactNode } from 'react';
import { currentSession, get, post } from '../../api/client';
import type { Page, StaffAccount } from '../../api/types';
import { ROLE_LABELS } from '../../domain/labels';
import { ErrorBox, Notice } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { useLoad } from '../../ui/use-load';

const PAGE_SIZE = 20;

/**
 * The staff accounts: disable (its sessions end at once), enable, reset the password (a temporary
 * password shown once; the account must set its own at the next sign-in), reset the second factor
 * of someone who lost phone and recovery codes (its sessions end; it enrols again).
 */
export function StaffListSection(props: { refreshKey: number }): ReactNode {
  const [offset, setOffset] = useState(0);
  const [round, setRound] = useState(0);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<ReactNode>();
  const list = useLoad(
    () => get<Page<StaffAccount>>(`/admin/staff?limit=${PAGE_SIZE}&offset=${offset}`),
    [offset, round, props.refreshKey],
  );
  const self = currentSession()?.account.id;

  const act = async (
    staff: StaffAccount,
    action: 'disable' | 'enable' | 'reset-password' | 'reset-mfa',
  ): Promise<void> => {
    setError(undefined);
    setNotice(undefined);
    if (
      action === 'disable' &&
      !window.confirm(`Nonaktifkan akun ${staff.username}? Sesi yang sedang berjalan berakhir.`)
    )
      return;
    if (action === 'reset-password' && !window.confirm(`Setel ulang kata sandi ${staff.username}?`)) return;
    if (
      action === 'reset-mfa' &&
      !window.confirm(
        `Atur ulang verifikasi dua langkah ${staff.username}? Lakukan hanya setelah memastikan identitas petugas. ` +
          'Kode rahasia dan kode pemulihannya dihapus, semua sesinya berakhir, dan petugas harus mengaktifkannya lagi.',
      )
    )
      return;
    try {
      if (action === 'reset-password') {
        const reply = await post<{ temporaryPassword: string }>(`/admin/staff/${staff.id}/reset-password`);
        setNotice(
          <>
            Kata sandi sementara untuk <strong>{staff.username}</strong>:{' '}
            <code className="mono">{reply.temporaryPassword}</code>. Sampaikan langsung kepada petugas; kata sandi ini
            hanya ditampilkan sekarang dan harus diganti saat masuk.
          </>,
        );
      } else {
        await post<StaffAccount>(`/admin/staff/${staff.id}/${action}`);
        setNotice(
          action === 'reset-mfa'
            ? `Verifikasi dua langkah ${staff.username} diatur ulang. Semua sesinya berakhir; saat masuk berikutnya petugas mengaktifkannya kembali.`
            : `Akun ${staff.username} ${action === 'disable' ? 'dinonaktifkan' : 'diaktifkan kembali'}.`,
        );
      }
      setRound((n) => n + 1);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section aria-labelledby="daftar-petugas">
      <h2 id="daftar-petugas">Daftar akun petugas</h2>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <ErrorBox error={error ?? list.error} />
      {list.data ? (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Daftar akun petugas">
            <table>
              <thead>
                <tr>
                  <th scope="col">Nama pengguna</th>
                  <th scope="col">Nama</th>
                  <th scope="col">Peran</th>
                  <th scope="col">Wilayah</th>
                  <th scope="col">Status</th>
                  <th scope="col">Terakhir masuk</th>
                  <th scope="col">Tindakan</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((staff) => (
                  <tr key={staff.id}>
                    <td className="mono">{staff.username}</td>
                    <td>{staff.fullName}</td>
                    <td>{ROLE_LABELS[staff.role]}</td>
                    <td>{staff.regencyCode}</td>
                    <td>
                      {staff.disabled ? 'Nonaktif' : 'Aktif'}
                      {staff.mfaEnabled ? ' · 2 langkah' : ''}
                      {staff.passwordChangeRequired ? ' · wajib ganti kata sandi' : ''}
                    </td>
                    <td>{staff.lastLoginAt ? formatDateTime(staff.lastLoginAt) : '—'}</td>
                    <td>
                      <div className="button-row">
                        {staff.id === self ? null : staff.disabled ? (
                          <button type="button" className="button" onClick={() => void act(staff, 'enable')}>
                            Aktifkan
                          </button>
                        ) : (
                          <button type="button" className="button" onClick={() => void act(staff, 'disable')}>
                            Nonaktifkan
                          </button>
                        )}
                        <button type="button" className="button" onClick={() => void act(staff, 'reset-password')}>
                          Setel ulang kata sandi
                        </button>
                        {staff.id !== self && staff.mfaEnabled ? (
                          <button type="button" className="button" onClick={() => void act(staff, 'reset-mfa')}>
                            Atur ulang verifikasi dua langkah
                          </button>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {list.data.total === 0
              ? 'Belum ada akun petugas.'
              : `Menampilkan ${offset + 1}–${offset + list.data.items.length} dari ${list.data.total} akun.`}{' '}
            {offset > 0 ? (
              <button type="button" className="button-link" onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                Sebelumnya
              </button>
            ) : null}{' '}
            {offset + PAGE_SIZE < list.data.total ? (
              <button type="button" className="button-link" onClick={() => setOffset(offset + PAGE_SIZE)}>
                Berikutnya
              </button>
            ) : null}
          </p>
        </>
      ) : list.loading ? (
        <p aria-live="polite">Memuat…</p>
      ) : null}
    </section>
  );
}
