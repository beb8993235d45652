import { useState, type ReactNode } from 'react';
import { currentSession, del, get, post, setSession } from '../../api/client';
import type { Page, SessionItem } from '../../api/types';
import { navigate } from '../../router';
import { ErrorBox, Notice } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { useLoad } from '../../ui/use-load';

/**
 * "Sesi aktif": where the person is signed in (device, address, when), so that a sign-in they do
 * not recognise (a lost phone, a shared computer at the village office) can be ended from here.
 * The API ends it on every server at once; ending this device's session is signing out.
 */
export function SessionsPage(): ReactNode {
  const sessions = useLoad(() => get<Page<SessionItem>>('/me/sessions?limit=100'), []);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const items = sessions.data?.items ?? [];
  const others = items.filter((item) => !item.current);

  const act = async (action: () => Promise<string | undefined>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const message = await action();
      if (message !== undefined) {
        setNotice(message);
        sessions.reload();
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const endThisDevice = (item: SessionItem) =>
    act(async () => {
      await del(`/me/sessions/${item.id}`);
      // This session is over on the server: forget it here too (no sign-out call left to make).
      if (currentSession() !== undefined) setSession(undefined);
      navigate('/masuk', { replace: true });
      return undefined;
    });
  const endOne = (item: SessionItem) =>
    act(async () => {
      await del(`/me/sessions/${item.id}`);
      return `Sesi di ${item.device ?? 'perangkat lain'} telah diakhiri.`;
    });
  const endOthers = () =>
    act(async () => {
      const { ended } = await post<{ ended: number }>('/me/sessions/revoke-others');
      return ended === 0
        ? 'Tidak ada sesi lain yang perlu diakhiri.'
        : `${ended} sesi di perangkat lain telah diakhiri.`;
    });

  return (
    <div className="narrow">
      <p>
        Ini daftar perangkat tempat akun Anda sedang masuk. Jika ada yang tidak Anda kenali, akhiri sesinya lalu ubah
        kata sandi Anda.
      </p>
      {notice !== undefined ? <Notice tone="success">{notice}</Notice> : null}
      <ErrorBox error={error ?? sessions.error} />
      {sessions.loading && sessions.data === undefined ? <p aria-live="polite">Memuat…</p> : null}
      {sessions.data !== undefined ? (
        <>
          <ul className="plain" aria-label="Sesi aktif">
            {items.map((item) => (
              <li key={item.id} className="card">
                <h2>
                  {item.device ?? 'Perangkat tidak dikenal'}
                  {item.current ? <span className="tag">Perangkat ini</span> : null}
                </h2>
                <dl className="facts compact">
                  <div>
                    <dt>Masuk sejak</dt>
                    <dd>{formatDateTime(item.startedAt)}</dd>
                  </div>
                  <div>
                    <dt>Terakhir digunakan</dt>
                    <dd>{formatDateTime(item.lastUsedAt)}</dd>
                  </div>
                  {item.clientAddress !== undefined ? (
                    <div>
                      <dt>Alamat IP</dt>
                      <dd className="mono">{item.clientAddress}</dd>
                    </div>
                  ) : null}
                </dl>
                {item.current ? (
                  <button type="button" disabled={busy} onClick={() => void endThisDevice(item)}>
                    Keluar dari perangkat ini
                  </button>
                ) : (
                  <button type="button" disabled={busy} onClick={() => void endOne(item)}>
                    Akhiri sesi<span className="visually-hidden"> {item.device ?? 'perangkat tidak dikenal'}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
          {others.length > 0 ? (
            <button type="button" className="button-danger" disabled={busy} onClick={() => void endOthers()}>
              Keluar dari semua perangkat lain
            </button>
          ) : (
            <p>Tidak ada sesi lain selain perangkat ini.</p>
          )}
        </>
      ) : null}
    </div>
  );
}
