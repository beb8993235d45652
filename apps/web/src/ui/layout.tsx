import { useEffect, useRef, type ReactNode } from 'react';
import { signOut, type Session } from '../api/client';
import { ROLE_LABELS } from '../../../../libs/domain/src/enums/services.js';
import { sentenceCase } from '../domain/sentence-case';
import { Link, navigate } from '../router';
import { firstScreenKeepsFocus } from '../first-screen/take-over';

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
    ['/admin/lembaga/daftar', 'Daftar lembaga'],
    ['/admin/dokumen', 'Cabut dokumen'],
  ],
};

/** The service's own mark (a family card with a check), not a state emblem. */
function LogoMark(): ReactNode {
  return (
    <svg className="brand-mark" viewBox="0 0 36 36" aria-hidden="true" focusable="false">
      <rect x="1" y="5" width="34" height="26" rx="4" fill="#fff" />
      <circle cx="11" cy="15" r="4" fill="#0f4c81" />
      <path d="M4.5 27c1-4.5 3.6-6.5 6.5-6.5s5.5 2 6.5 6.5z" fill="#0f4c81" />
      <path d="M20 12h11M20 17h11M20 22h6" stroke="#0f4c81" strokeWidth="2.4" strokeLinecap="round" />
      <circle cx="29.5" cy="25.5" r="5" fill="#15803d" />
      <path d="M27 25.6l1.8 1.8 3.3-3.4" stroke="#fff" strokeWidth="1.8" fill="none" strokeLinecap="round" />
    </svg>
  );
}

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
  // announce it and keyboard users start from the top of the content (not when the app has just
  // taken over the pre-rendered screen: the cursor stays in the field the person is typing in).
  useEffect(() => {
    document.title = `${title} — Layanan Dokumen Kependudukan`;
    if (!firstScreenKeepsFocus()) heading.current?.focus();
  }, [title, path]);
  const links = session
    ? session.restriction !== undefined
      ? []
      : [
          ...(NAV[session.account.role] ?? []),
          // Staff work on a desktop: their account pages sit in the menu (a resident's phone menu
          // stays four items; "Kata sandi" is beside "Keluar" for them).
          ...(session.account.role === 'RESIDENT'
            ? []
            : ([
                ['/akun/verifikasi-dua-langkah', 'Verifikasi dua langkah'],
                ['/akun/kata-sandi', 'Ubah kata sandi'],
                ['/akun/sesi', 'Sesi aktif'],
              ] as const)),
        ]
    : [];
  const who = session
    ? session.account.role === 'RESIDENT'
      ? (session.account.fullName ?? `NIK ${session.account.nik ?? ''}`)
      : `${session.account.fullName ?? session.account.username ?? ''} · ${sentenceCase(ROLE_LABELS[session.account.role])}`
    : undefined;
  return (
    <>
      <a className="skip-link" href="#isi">
        Langsung ke isi
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <LogoMark />
            <span>
              <strong>Layanan Dokumen Kependudukan</strong>
              <small>Dinas Kependudukan dan Pencatatan Sipil</small>
            </span>
          </Link>
          {session ? (
            <div className="account">
              <span className="account-name">{who}</span>
              {session.account.role === 'RESIDENT' && session.restriction === undefined ? (
                <Link to="/akun/kata-sandi" className="button-link">
                  Kata sandi
                </Link>
              ) : null}
              <button
                type="button"
                className="button-link"
                onClick={() => {
                  void signOut();
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
          {' · '}
          <Link to="/istilah">Istilah</Link>
        </p>
      </footer>
    </>
  );
}
