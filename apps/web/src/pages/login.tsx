import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { signIn } from '../api/client';
import type { Role } from '../api/types';
import { Link, navigate, useLocation } from '../router';
import { ApiError } from '../api/client';
import { ErrorBox, ErrorSummary, TextField } from '../ui/form';
import { firstScreenValue, takeFirstScreenSubmit } from '../first-screen/take-over';

const HOME: Record<Role, string> = {
  RESIDENT: '/keluarga',
  CLERK: '/petugas',
  OFFICIAL: '/petugas',
  ADMIN: '/admin/petugas',
  AGENCY: '/cek-dokumen',
};

/** The login's own required check: the NIK rules (and their region lists) are not needed here. */
const required = (value: string, label: string): { error?: string } =>
  value.trim() === '' ? { error: `${label} wajib diisi.` } : {};

export function LoginPage(): ReactNode {
  const { query } = useLocation();
  // Typed into index.html's pre-rendered form before the script arrived (first-screen/).
  const [username, setUsername] = useState(() => firstScreenValue('username'));
  const [password, setPassword] = useState(() => firstScreenValue('password'));
  const form = useRef<HTMLFormElement>(null);
  // "Masuk" pressed on that form meanwhile: complete the press now.
  useEffect(() => {
    if (takeFirstScreenSubmit()) form.current?.requestSubmit();
  }, []);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const checks = {
    username: required(username, 'NIK atau nama pengguna'),
    password: required(password, 'Kata sandi'),
  };
  const invalid = Boolean(checks.username.error || checks.password.error);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (invalid) {
      setError(undefined);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const signingIn = signIn(username, password);
      // A resident lands on their family: fetch its page's script while the sign-in is under way
      // (after the sign-in's request, which must not queue behind it on a slow connection).
      if (/^\d{16}$/.test(username)) void import('./resident/family');
      const session = await signingIn;
      const next = query.get('lanjut');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : HOME[session.account.role], {
        replace: true,
      });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <form ref={form} className="card" onSubmit={(event) => void submit(event)} noValidate>
        <p>Penduduk masuk dengan NIK; petugas dengan nama pengguna.</p>
        <ErrorSummary attempt={invalid ? attempt : 0} />
        {error instanceof ApiError && error.status === 401 ? (
          <div className="alert alert-error" role="alert">
            <p>
              <strong>NIK/nama pengguna atau kata sandi salah.</strong>
            </p>
            <p>
              Penduduk yang belum punya akun perlu mendaftar dulu: <Link to="/daftar">Daftar sebagai penduduk</Link>.
            </p>
          </div>
        ) : (
          <ErrorBox error={error} />
        )}
        <TextField
          label="NIK atau nama pengguna"
          name="username"
          autoComplete="username"
          value={username}
          onValue={setUsername}
          check={checks.username}
          showError={attempt > 0}
          required
        />
        <TextField
          label="Kata sandi"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          check={checks.password}
          showError={attempt > 0}
          required
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Memproses…' : 'Masuk'}
        </button>
      </form>
      <p>
        Belum punya akun? <Link to="/daftar">Daftar sebagai penduduk</Link>
      </p>
    </div>
  );
}
