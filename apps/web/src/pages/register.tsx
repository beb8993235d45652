import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, post, signIn } from '../api/client';
import { checkDate, checkFamilyCardNumber, checkNik, checkPassword } from '../domain/rules';
import { Link, navigate } from '../router';
import { ErrorBox, NumberIdField, TextField, firstError, Notice } from '../ui/form';

export function RegisterPage(): ReactNode {
  const [nik, setNik] = useState('');
  const [familyCardNumber, setFamilyCardNumber] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const checks = {
    nik: checkNik(nik, { birthDate }),
    familyCardNumber: checkFamilyCardNumber(familyCardNumber),
    birthDate: checkDate(birthDate),
    password: checkPassword(password),
    confirm: confirm === password ? {} : { error: 'Ulangi kata sandi yang sama.' },
  };
  const show = (field: string): boolean => tried || touched[field] === true;
  const touch = (field: string) => () => setTouched((t) => ({ ...t, [field]: true }));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (firstError(Object.values(checks))) return;
    setBusy(true);
    setError(undefined);
    try {
      await post('/auth/register', { nik, familyCardNumber, birthDate, password });
      await signIn(nik, password);
      navigate('/keluarga', { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <p>Isi sesuai data pada Kartu Keluarga Anda. Data dicocokkan dengan database kependudukan.</p>
        {error instanceof ApiError && error.status === 422 ? (
          <div className="alert alert-error" role="alert">
            <strong>Data tidak cocok dengan database kependudukan.</strong> Periksa kembali NIK, No. KK, dan tanggal
            lahir, atau datang ke kantor Disdukcapil.
          </div>
        ) : error instanceof ApiError && error.status === 409 ? (
          <Notice tone="warning">
            NIK ini sudah memiliki akun. <Link to="/masuk">Masuk</Link>.
          </Notice>
        ) : (
          <ErrorBox error={error} />
        )}
        <NumberIdField
          label="NIK"
          hint="16 angka, tertera pada KTP-el atau Kartu Keluarga."
          name="nik"
          value={nik}
          onValue={setNik}
          onBlur={touch('nik')}
          check={checks.nik}
          showError={show('nik') || nik.length >= 16}
        />
        <NumberIdField
          label="No. KK"
          hint="Nomor Kartu Keluarga, 16 angka."
          name="familyCardNumber"
          value={familyCardNumber}
          onValue={setFamilyCardNumber}
          onBlur={touch('familyCardNumber')}
          check={checks.familyCardNumber}
          showError={show('familyCardNumber') || familyCardNumber.length >= 16}
        />
        <TextField
          label="Tanggal lahir"
          type="date"
          name="birthDate"
          value={birthDate}
          onValue={setBirthDate}
          onBlur={touch('birthDate')}
          check={checks.birthDate}
          showError={show('birthDate')}
        />
        <TextField
          label="Kata sandi"
          hint="Minimal 10 karakter."
          type="password"
          name="password"
          autoComplete="new-password"
          value={password}
          onValue={setPassword}
          onBlur={touch('password')}
          check={checks.password}
          showError={show('password')}
        />
        <TextField
          label="Ulangi kata sandi"
          type="password"
          name="confirm"
          autoComplete="new-password"
          value={confirm}
          onValue={setConfirm}
          onBlur={touch('confirm')}
          check={checks.confirm}
          showError={show('confirm')}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Memproses…' : 'Daftar'}
        </button>
      </form>
      <p>
        Sudah punya akun? <Link to="/masuk">Masuk</Link>
      </p>
    </div>
  );
}
