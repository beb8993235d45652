import { useState, type FormEvent, type ReactNode } from 'react';
import { signIn } from '../api/client';
import type { Role } from '../api/types';
import { Link, navigate, useLocation } from '../router';
import { ErrorBox, TextField } from '../ui/form';

const HOME: Record<Role, string> = {
  RESIDENT: '/keluarga',
  CLERK: '/petugas',
  OFFICIAL: '/petugas',
  ADMIN: '/admin/petugas',
  AGENCY: '/cek-dokumen',
};

export function LoginPage(): ReactNode {
  const { query } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const session = await signIn(username, password);
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
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <p>Penduduk masuk dengan NIK; petugas dengan nama pengguna.</p>
        <ErrorBox error={error} />
        <TextField
          label="NIK atau nama pengguna"
          name="username"
          autoComplete="username"
          value={username}
          onValue={setUsername}
          required
        />
        <TextField
          label="Kata sandi"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
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
