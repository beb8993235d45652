import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { currentSession, onSessionChange, type Session } from './api/client';
import type { Role } from './api/types';
import { navigate, useLocation, match } from './router';
import { Layout } from './ui/layout';
import { LoginPage } from './pages/login';
// The first screen (landing, login) is all the entry script holds: every other page is a chunk of
// its own, so a resident on a slow phone waits for the login only, and never downloads the staff
// console or the admin pages.
const RegisterPage = lazy(() => import('./pages/register').then((m) => ({ default: m.RegisterPage })));
const FamilyPage = lazy(() => import('./pages/resident/family').then((m) => ({ default: m.FamilyPage })));
const MyApplicationsPage = lazy(() =>
  import('./pages/resident/my-applications').then((m) => ({ default: m.MyApplicationsPage })),
);
const ApplyPage = lazy(() => import('./pages/resident/apply').then((m) => ({ default: m.ApplyPage })));
const MyApplicationPage = lazy(() =>
  import('./pages/resident/my-application').then((m) => ({ default: m.MyApplicationPage })),
);
const ResubmitPage = lazy(() => import('./pages/resident/resubmit').then((m) => ({ default: m.ResubmitPage })));
const AccessLogPage = lazy(() => import('./pages/resident/access-log').then((m) => ({ default: m.AccessLogPage })));
const CheckDocumentPage = lazy(() =>
  import('./pages/public/check-document').then((m) => ({ default: m.CheckDocumentPage })),
);
const GlossaryPage = lazy(() => import('./pages/public/glossary').then((m) => ({ default: m.GlossaryPage })));
const QueuePage = lazy(() => import('./pages/staff/queue').then((m) => ({ default: m.QueuePage })));
const ReviewPage = lazy(() => import('./pages/staff/review').then((m) => ({ default: m.ReviewPage })));
const StaffAccountsPage = lazy(() =>
  import('./pages/admin/staff-accounts').then((m) => ({ default: m.StaffAccountsPage })),
);
const ImportPage = lazy(() => import('./pages/admin/import').then((m) => ({ default: m.ImportPage })));
const AgenciesPage = lazy(() => import('./pages/admin/agencies').then((m) => ({ default: m.AgenciesPage })));
const AgencyUsagePage = lazy(() => import('./pages/admin/agency-usage').then((m) => ({ default: m.AgencyUsagePage })));
const RevokePage = lazy(() => import('./pages/admin/revoke').then((m) => ({ default: m.RevokePage })));
const ChangePasswordPage = lazy(() =>
  import('./pages/account/change-password').then((m) => ({ default: m.ChangePasswordPage })),
);
const SessionsPage = lazy(() => import('./pages/account/sessions').then((m) => ({ default: m.SessionsPage })));
const MfaEnrolPage = lazy(() => import('./pages/account/mfa-enrol').then((m) => ({ default: m.MfaEnrolPage })));
import { LandingPage } from './pages/public/landing';

interface Screen {
  title: string;
  body: ReactNode;
}

const HOME: Record<Role, string> = {
  RESIDENT: '/keluarga',
  CLERK: '/petugas',
  OFFICIAL: '/petugas',
  ADMIN: '/admin/petugas',
  AGENCY: '/cek-dokumen',
};

function useSession(): Session | undefined {
  const [session, setSession] = useState(currentSession);
  useEffect(() => onSessionChange(() => setSession(currentSession())), []);
  return session;
}

function screenFor(path: string, session: Session | undefined): Screen | string {
  if (path === '/masuk') return { title: 'Masuk', body: <LoginPage /> };
  if (path === '/daftar') return { title: 'Daftar akun penduduk', body: <RegisterPage /> };
  if (path === '/cek-dokumen') return { title: 'Periksa keaslian dokumen', body: <CheckDocumentPage /> };
  if (path === '/istilah') return { title: 'Istilah', body: <GlossaryPage /> };
  if (!session && (path === '/' || path === ''))
    return { title: 'Layanan Dokumen Kependudukan', body: <LandingPage /> };
  if (!session) return `/masuk?lanjut=${encodeURIComponent(path)}`;
  const role = session.account.role;
  // An account under a restriction sees only the page that lifts it (the API refuses the rest).
  if (path === '/akun/kata-sandi') return { title: 'Ubah kata sandi', body: <ChangePasswordPage /> };
  if (session.restriction === 'PASSWORD_CHANGE') return '/akun/kata-sandi';
  if (role !== 'RESIDENT' && path === '/akun/verifikasi-dua-langkah')
    return { title: 'Verifikasi dua langkah', body: <MfaEnrolPage /> };
  if (session.restriction === 'MFA_ENROLMENT') return '/akun/verifikasi-dua-langkah';
  if (path === '/akun/sesi') return { title: 'Sesi aktif', body: <SessionsPage /> };
  if (path === '/' || path === '') return HOME[role];
  let params: Record<string, string> | undefined;
  if (role === 'RESIDENT') {
    if (path === '/keluarga') return { title: 'Keluarga saya', body: <FamilyPage /> };
    if (path === '/permohonan') return { title: 'Permohonan saya', body: <MyApplicationsPage /> };
    if (path === '/permohonan/baru') return { title: 'Ajukan permohonan', body: <ApplyPage /> };
    if ((params = match('/permohonan/baru/:type', path)))
      return { title: 'Ajukan permohonan', body: <ApplyPage type={params.type} /> };
    if ((params = match('/permohonan/:id/perbaiki', path)))
      return { title: 'Perbaiki permohonan', body: <ResubmitPage id={params.id} /> };
    if ((params = match('/permohonan/:id', path)))
      return { title: 'Rincian permohonan', body: <MyApplicationPage id={params.id} /> };
    if (path === '/riwayat-akses') return { title: 'Riwayat akses data', body: <AccessLogPage /> };
  }
  if (role === 'CLERK' || role === 'OFFICIAL') {
    if (path === '/petugas') return { title: 'Antrean permohonan', body: <QueuePage session={session} /> };
    if ((params = match('/petugas/permohonan/:id', path)))
      return { title: 'Pemeriksaan permohonan', body: <ReviewPage id={params.id} session={session} /> };
  }
  if (role === 'ADMIN') {
    if (path === '/admin/petugas') return { title: 'Akun petugas', body: <StaffAccountsPage /> };
    if (path === '/admin/impor') return { title: 'Impor data penduduk', body: <ImportPage /> };
    if (path === '/admin/lembaga') return { title: 'Lembaga pengguna', body: <AgenciesPage /> };
    if (path === '/admin/lembaga/daftar') return { title: 'Daftar lembaga pengguna', body: <AgencyUsagePage /> };
    if (path === '/admin/dokumen') return { title: 'Cabut dokumen', body: <RevokePage /> };
  }
  return { title: 'Halaman tidak ditemukan', body: <p>Halaman yang Anda cari tidak ada. Gunakan menu di atas.</p> };
}

export function App(): ReactNode {
  const session = useSession();
  const { path } = useLocation();
  const screen = screenFor(path, session);
  useEffect(() => {
    if (typeof screen === 'string') navigate(screen, { replace: true });
  }, [screen]);
  if (typeof screen === 'string') return null;
  return (
    <Layout session={session} path={path} title={screen.title}>
      <Suspense fallback={<p aria-live="polite">Memuat…</p>}>{screen.body}</Suspense>
    </Layout>
  );
}
