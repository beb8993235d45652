import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { completeSignIn, signIn, type Session } from '../api/client';
import type { Role } from '../api/types';
import { Link, navigate, useLocation } from '../router';
import { ApiError } from '../api/client';
import { ErrorBox, ErrorSummary, TextField } from '../ui/form';
import { useFormSubmit } from '../ui/use-form-submit';
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

/** A TOTP code (6 digits) or a recovery code (xxxx-xxxx-xxxx). */
const checkCode = (value: string): { error?: string } =>
  /^(\d{6}|[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4})$/.test(value.trim())
    ? {}
    : { error: 'Masukkan 6 angka dari aplikasi autentikator, atau satu kode pemulihan (xxxx-xxxx-xxxx).' };

/** Where a session goes first: what it must do (a new password, the second factor), else its home. */
export function landingOf(session: Session, next: string | null): string {
  if (session.restriction === 'PASSWORD_CHANGE') return '/akun/kata-sandi';
  if (session.restriction === 'MFA_ENROLMENT') return '/akun/verifikasi-dua-langkah';
  return next && next.startsWith('/') && !next.startsWith('//') ? next : HOME[session.account.role];
}

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
  const { attempt, busy, error, submit: send, restart, clearError } = useFormSubmit();
  const [mfaToken, setMfaToken] = useState<string>();
  const [code, setCode] = useState('');
  const checks = {
    username: required(username, 'NIK atau nama pengguna'),
    password: required(password, 'Kata sandi'),
  };
  const invalid = Boolean(checks.username.error || checks.password.error);

  const submit = (event: FormEvent): Promise<void> => {
    // A press on an incomplete form: the field errors, not the last refusal, say what is wrong.
    if (invalid) clearError();
    return send(event, invalid, async () => {
      const signingIn = signIn(username, password);
      // A resident lands on their family: fetch its page's script while the sign-in is under way
      // (after the sign-in's request, which must not queue behind it on a slow connection).
      if (/^\d{16}$/.test(username)) void import('./resident/family');
      const result = await signingIn;
      if ('mfaToken' in result) {
        // The second step: the code of the authenticator app (the password is not kept).
        setPassword('');
        setMfaToken(result.mfaToken);
        restart();
        return;
      }
      navigate(landingOf(result.session, query.get('lanjut')), { replace: true });
    });
  };

  const codeCheck = checkCode(code);
  const submitCode = (event: FormEvent): Promise<void> =>
    send(event, Boolean(codeCheck.error) || mfaToken === undefined, async () => {
      try {
        const session = await completeSignIn(mfaToken ?? '', code);
        navigate(landingOf(session, query.get('lanjut')), { replace: true });
      } catch (caught) {
        // The challenge lives a few minutes: when it is over, start again from the password.
        if (caught instanceof ApiError && caught.status === 401 && caught.body['detail'] !== 'Kode verifikasi salah') {
          setMfaToken(undefined);
          setCode('');
        }
        throw caught;
      }
    });

  if (mfaToken !== undefined) {
    return (
      <div className="narrow">
        <form className="card" onSubmit={(event) => void submitCode(event)} noValidate>
          <h2>Verifikasi dua langkah</h2>
          <p>Buka aplikasi autentikator di ponsel Anda dan masukkan kode 6 angka untuk akun ini.</p>
          <ErrorSummary attempt={codeCheck.error ? attempt : 0} />
          {error instanceof ApiError && error.status === 401 ? (
            <div className="alert alert-error" role="alert">
              <p>
                <strong>Kode verifikasi salah.</strong> Periksa jam ponsel Anda, lalu coba kode yang baru.
              </p>
            </div>
          ) : (
            <ErrorBox error={error} />
          )}
          <TextField
            label="Kode verifikasi"
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            value={code}
            onValue={setCode}
            check={codeCheck}
            showError={attempt > 0}
            hint="Tidak bisa membuka aplikasi? Masukkan salah satu kode pemulihan Anda (setiap kode hanya berlaku sekali)."
            required
          />
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Memproses…' : 'Verifikasi'}
          </button>
        </form>
      </div>
    );
  }

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
