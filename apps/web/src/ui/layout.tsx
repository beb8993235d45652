import { useEffect, useRef, type ReactNode } from 'react';
import { signOut, type Session } from '../api/client';
import { ROLE_LABELS } from '../domain/labels';
import { Link, navigate } from '../router';

const NAV: Record<string, Array<[string, string]>> = {
  RESIDENT: [
    ['/keluarga', 'Keluarga saya'],
    ['/permohonan', 'Permohonan saya'],
    ['/permohonan/baru', 'Ajukan'],
    ['/riwayat-akses', 'Riwayat akses data'],
  ],
  CLERK: [['/petugas', 'Antrean permohonan']],
  OFFICIAL: [['/petugas', 'Antrean permohonan']],
  ADMIN: [
    ['/admin/petugas', 'Akun petugas'],
    ['/admin/impor', 'Impor data penduduk'],
    ['/admin/lembaga', 'Lembaga pengguna'],
    ['/admin/dokumen', 'Cabut dokumen'],
  ],
};

export function Layout({
  session,
  path,
  title,
  children,
}: {
  session?: Session;
  path: string;
  title: string;
  children: ReactNode;
}): ReactNode {
  const heading = useRef<HTMLHeadingElement>(null);
  // A new screen: its title becomes the document title and takes focus, so screen readers
  // announce it and keyboard users start from the top of the content.
  useEffect(() => {
    document.title = `${title} — Layanan Dokumen Kependudukan`;
    heading.current?.focus();
  }, [title, path]);
  const links = session ? (NAV[session.account.role] ?? []) : [];
  const who = session
    ? session.account.role === 'RESIDENT'
      ? `NIK ${session.account.nik ?? ''}`
      : `${session.account.fullName ?? session.account.username ?? ''} · ${ROLE_LABELS[session.account.role]}`
    : undefined;
  return (
    <>
      <a className="skip-link" href="#isi">
        Langsung ke isi
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span>
              <strong>Layanan Dokumen Kependudukan</strong>
              <small>Dinas Kependudukan dan Pencatatan Sipil</small>
            </span>
          </Link>
          {session ? (
            <div className="account">
              <span className="account-name">{who}</span>
              <button
                type="button"
                className="button-link"
                onClick={() => {
                  signOut();
                  navigate('/masuk');
                }}
              >
                Keluar
              </button>
            </div>
          ) : null}
        </div>
        {links.length > 0 ? (
          <nav aria-label="Menu utama" className="main-nav">
            <ul>
              {links.map(([to, label]) => (
                <li key={to}>
                  <Link to={to} aria-current={path === to ? 'page' : undefined}>
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="isi" className={session && session.account.role !== 'RESIDENT' ? 'wide' : undefined}>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Data pribadi Anda dilindungi sesuai UU 27/2022. <Link to="/cek-dokumen">Periksa keaslian dokumen</Link>
        </p>
      </footer>
    </>
  );
}
