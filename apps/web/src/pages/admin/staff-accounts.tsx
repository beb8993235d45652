import { useState, type FormEvent, type ReactNode } from 'react';
import { post } from '../../api/client';
import { ROLE_LABELS } from '../../domain/labels';
import { checkDigits, checkNik, checkPassword, checkRequired } from '../../domain/rules';
import { ErrorBox, Notice, SelectField, TextField, firstError } from '../../ui/form';
import { StaffListSection } from './staff-list';

export function StaffAccountsPage(): ReactNode {
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [nip, setNip] = useState('');
  const [role, setRole] = useState('CLERK');
  const [regencyCode, setRegencyCode] = useState('16.02');
  const [nik, setNik] = useState('');
  const [deploymentWide, setDeploymentWide] = useState(false);
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<string>();
  const [createdCount, setCreatedCount] = useState(0);
  const checks = {
    username: checkRequired(username, 'Nama pengguna'),
    fullName: checkRequired(fullName, 'Nama lengkap'),
    nip: checkDigits(nip, 18, 'NIP'),
    regencyCode: /^\d{2}\.\d{2}$/.test(regencyCode) ? {} : { error: 'Kode kabupaten/kota seperti 16.02.' },
    password: checkPassword(password),
    nik: nik === '' ? {} : checkNik(nik),
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setTried(true);
    if (firstError(Object.values(checks))) return;
    setError(undefined);
    const person = nik === '' ? {} : { nik };
    const scope = role === 'ADMIN' && deploymentWide ? { scope: 'DEPLOYMENT' } : {};
    post<{ id: string }>('/admin/staff', {
      username,
      password,
      fullName,
      nip,
      role,
      regencyCode,
      ...person,
      ...scope,
    }).then(() => {
      setCreated(`Akun ${username} (${ROLE_LABELS[role as keyof typeof ROLE_LABELS]}) dibuat.`);
      setCreatedCount((n) => n + 1);
      setUsername('');
      setFullName('');
      setNip('');
      setNik('');
      setDeploymentWide(false);
      setPassword('');
      setTried(false);
    }, setError);
  };
  // The form keeps a readable width; the staff list below it takes the page's (its columns and
  // actions do not fit in the form's width at 1366 px).
  return (
    <>
      <div className="narrow">
        <p>
          Buat akun operator, pejabat pencatatan sipil, atau administrator. Berikan kata sandi awal secara langsung
          kepada petugas.
        </p>
        {created ? <Notice tone="success">{created}</Notice> : null}
        <h2>Buat akun petugas</h2>
        <form className="card" onSubmit={submit} noValidate>
          <ErrorBox error={error} />
          <TextField
            label="Nama pengguna"
            name="username"
            autoComplete="off"
            value={username}
            onValue={setUsername}
            check={checks.username}
            showError={tried}
          />
          <TextField
            label="Nama lengkap dan gelar"
            name="fullName"
            value={fullName}
            onValue={setFullName}
            check={checks.fullName}
            showError={tried}
            hint="Dicetak di bawah tanda tangan elektronik."
          />
          <TextField
            label="NIP"
            name="nip"
            inputMode="numeric"
            maxLength={18}
            value={nip}
            onValue={setNip}
            check={checks.nip}
            showError={tried || nip.length >= 18}
          />
          <TextField
            label="NIK petugas (tidak wajib)"
            name="nik"
            inputMode="numeric"
            maxLength={16}
            value={nik}
            onValue={setNik}
            check={checks.nik}
            showError={tried || nik.length >= 16}
            hint="Dengan NIK, petugas tidak dapat memproses permohonan keluarganya sendiri. Satu NIK dan satu NIP hanya untuk satu akun petugas."
          />
          <SelectField
            label="Peran"
            name="role"
            value={role}
            onValue={setRole}
            options={(['CLERK', 'OFFICIAL', 'ADMIN'] as const).map((r) => [r, ROLE_LABELS[r]] as const)}
          />
          {role === 'ADMIN' ? (
            <label className="checkbox">
              <input
                type="checkbox"
                name="scope"
                checked={deploymentWide}
                onChange={(event) => setDeploymentWide(event.target.checked)}
              />{' '}
              Administrator tingkat deployment (semua kabupaten/kota; hanya dapat diberikan oleh administrator tingkat
              deployment)
            </label>
          ) : null}
          <TextField
            label="Kode kabupaten/kota"
            name="regencyCode"
            value={regencyCode}
            onValue={setRegencyCode}
            check={checks.regencyCode}
            showError={tried}
            hint="Wilayah kerja, mis. 16.02 (Kabupaten Ogan Komering Ilir)."
          />
          <TextField
            label="Kata sandi awal"
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onValue={setPassword}
            check={checks.password}
            showError={tried}
          />
          <button type="submit" className="button-primary">
            Buat akun
          </button>
        </form>
      </div>
      <StaffListSection refreshKey={createdCount} />
    </>
  );
}
