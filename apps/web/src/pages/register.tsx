import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, post, signIn } from '../api/client';
import { checkDate, checkFamilyCardNumber, checkNik, checkPassword } from '../domain/rules';
import { Link, navigate } from '../router';
import {
  DateField,
  ErrorBox,
  ErrorSummary,
  NumberIdField,
  PASSWORD_HINT,
  TextField,
  firstError,
  Notice,
  serverProblem,
} from '../ui/form';
import { TERMS } from '../ui/glossary';

export function RegisterPage(): ReactNode {
  const [values, setValues] = useState({ nik: '', familyCardNumber: '', birthDate: '', password: '', confirm: '' });
  const { nik, familyCardNumber, birthDate, password, confirm } = values;
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const [attempt, setAttempt] = useState(0);
  const nikCheck = checkNik(nik);
  // A birth date that does not match the NIK is reported under the date, which is what is usually mistyped.
  const dateCheck = checkDate(birthDate);
  const checks = {
    nik: nikCheck,
    familyCardNumber: checkFamilyCardNumber(familyCardNumber),
    birthDate:
      dateCheck.error || nikCheck.error || nik === ''
        ? dateCheck
        : checkNik(nik, { birthDate }).error
          ? { error: 'Tanggal lahir tidak sesuai dengan NIK. Periksa tanggal lahir atau NIK Anda.' }
          : dateCheck,
    // The server's refusal (a common password, or one built from the NIK or name) under the field itself.
    password: serverProblem(error, 'password') ?? checkPassword(password),
    confirm: confirm === password ? {} : { error: 'Ulangi kata sandi yang sama.' },
  };
  /** A field's value, its check, and its error shown once it was left or sending was tried. */
  const bind = (field: keyof typeof values) => ({
    name: field,
    value: values[field],
    onValue: (value: string) => {
      setValues((v) => ({ ...v, [field]: value }));
      if (field === 'password') setError(undefined);
    },
    onBlur: () => setTouched((t) => ({ ...t, [field]: true })),
    check: checks[field],
    showError: tried || touched[field] === true,
  });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTried(true);
    setAttempt((n) => n + 1);
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
        <p>
          Isi sesuai data pada {TERMS.familyCard.term} Anda. Data dicocokkan dengan {TERMS.populationData.term}{' '}
          {TERMS.office.short}. <Link to="/istilah">Arti istilah</Link>
        </p>
        <ErrorSummary attempt={firstError(Object.values(checks)) ? attempt : 0} />
        {error instanceof ApiError && error.status === 422 ? (
          <div className="alert alert-error" role="alert">
            <strong>Data tidak cocok dengan data kependudukan.</strong> Periksa kembali NIK, No. KK, dan tanggal lahir,
            atau datang ke kantor Disdukcapil.
          </div>
        ) : error instanceof ApiError && error.status === 409 ? (
          <Notice tone="warning">
            NIK ini sudah memiliki akun. <Link to="/masuk">Masuk</Link>.
          </Notice>
        ) : (
          <ErrorBox error={error} />
        )}
        <NumberIdField label="NIK" hint="16 angka, tertera pada KTP-el atau Kartu Keluarga." {...bind('nik')} />
        <NumberIdField label="No. KK" hint="Nomor Kartu Keluarga, 16 angka." {...bind('familyCardNumber')} />
        <DateField label="Tanggal lahir" {...bind('birthDate')} />
        <TextField
          label="Kata sandi"
          hint={PASSWORD_HINT}
          type="password"
          autoComplete="new-password"
          {...bind('password')}
        />
        <TextField label="Ulangi kata sandi" type="password" autoComplete="new-password" {...bind('confirm')} />
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
