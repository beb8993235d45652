import { useState, type FormEvent, type ReactNode } from 'react';
import { currentSession, get, post, refreshSession } from '../../api/client';
import type { Account, MfaEnrolment as MfaEnrolmentReply } from '../../api/types';
import { navigate } from '../../router';
import { AuthenticatorCodeField, ErrorBox, ErrorSummary, Notice } from '../../ui/form';
import { useLoad } from '../../ui/use-load';
import { landingOf } from '../login';

/** The recovery codes, shown this once. */
function RecoveryCodeList(props: { codes: readonly string[] }): ReactNode {
  return (
    <ul className="recovery-codes mono" aria-label="Kode pemulihan">
      {props.codes.map((recovery) => (
        <li key={recovery}>{recovery}</li>
      ))}
    </ul>
  );
}

/**
 * Verifikasi dua langkah (TOTP) for staff: scan the QR code with an authenticator app, confirm
 * with a first code, then keep the recovery codes, shown this once. Once it is on: new recovery
 * codes (the old ones stop working) with a current code.
 */
export function MfaEnrolPage(): ReactNode {
  const me = useLoad(() => get<Account>('/me'), []);
  if (me.loading) return <p aria-live="polite">Memuat…</p>;
  if (me.data?.mfaEnabled === true) return <RecoveryCodesRenewal />;
  return <MfaEnrolment />;
}

function RecoveryCodesRenewal(): ReactNode {
  const [code, setCode] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [codes, setCodes] = useState<string[]>();
  const codeCheck = /^\d{6}$/.test(code.trim()) ? {} : { error: 'Masukkan 6 angka dari aplikasi autentikator.' };

  const renew = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (codeCheck.error) return;
    setBusy(true);
    setError(undefined);
    try {
      const reply = await post<{ recoveryCodes: string[] }>('/me/mfa/recovery-codes', { code: code.trim() });
      setCodes(reply.recoveryCodes);
      setCode('');
      setAttempt(0);
    } catch (caught) {
      setError(caught);
    }
    setBusy(false);
  };

  return (
    <div className="narrow">
      <Notice tone="success">Verifikasi dua langkah aktif untuk akun Anda.</Notice>
      {codes ? (
        <section className="card" aria-labelledby="kode-pemulihan-baru">
          <h2 id="kode-pemulihan-baru">Kode pemulihan baru</h2>
          <p>
            Kode pemulihan lama <strong>tidak berlaku lagi</strong>. Simpan kode baru ini di tempat aman; kode ini hanya
            ditampilkan sekarang.
          </p>
          <RecoveryCodeList codes={codes} />
        </section>
      ) : null}
      <form className="card" onSubmit={(event) => void renew(event)} noValidate>
        <h2>Buat kode pemulihan baru</h2>
        <p>
          Jika kode pemulihan Anda hilang atau hampir habis, buat sepuluh kode baru. Semua kode pemulihan lama langsung
          tidak berlaku.
        </p>
        <ErrorBox error={error} />
        <ErrorSummary attempt={codeCheck.error ? attempt : 0} />
        <AuthenticatorCodeField
          label="Kode verifikasi dari aplikasi"
          value={code}
          onValue={setCode}
          check={codeCheck}
          showError={attempt > 0}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Memproses…' : 'Buat kode pemulihan baru'}
        </button>
      </form>
      <p>
        Ponsel dan kode pemulihan hilang sekaligus? Minta administrator mengatur ulang verifikasi dua langkah akun Anda.
      </p>
    </div>
  );
}

function MfaEnrolment(): ReactNode {
  const session = currentSession();
  const required = session?.restriction === 'MFA_ENROLMENT';
  const [enrolment, setEnrolment] = useState<MfaEnrolmentReply>();
  const [code, setCode] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const codeCheck = /^\d{6}$/.test(code.trim()) ? {} : { error: 'Masukkan 6 angka dari aplikasi autentikator.' };

  const start = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      setEnrolment(await post<MfaEnrolmentReply>('/me/mfa'));
    } catch (caught) {
      setError(caught);
    }
    setBusy(false);
  };

  const confirm = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (codeCheck.error) return;
    setBusy(true);
    setError(undefined);
    try {
      await post('/me/mfa/confirm', { code: code.trim() });
      // A token without the enrolment restriction for this session.
      await refreshSession();
      setDone(true);
    } catch (caught) {
      setError(caught);
    }
    setBusy(false);
  };

  if (done && enrolment) {
    return (
      <div className="narrow">
        <Notice tone="success">
          Verifikasi dua langkah aktif. Setiap kali masuk, Anda akan diminta kode dari aplikasi.
        </Notice>
        <section className="card" aria-labelledby="kode-pemulihan">
          <h2 id="kode-pemulihan">Kode pemulihan</h2>
          <p>
            Simpan kode ini di tempat aman (cetak atau catat). Jika ponsel Anda hilang, satu kode dapat dipakai sekali
            sebagai pengganti kode aplikasi. Kode ini <strong>hanya ditampilkan sekarang</strong>.
          </p>
          <RecoveryCodeList codes={enrolment.recoveryCodes} />
          <button
            type="button"
            className="button-primary"
            onClick={() => {
              const next = currentSession();
              navigate(next ? landingOf(next, null) : '/masuk', { replace: true });
            }}
          >
            Saya sudah menyimpan kode pemulihan
          </button>
        </section>
      </div>
    );
  }

  return (
    <div className="narrow">
      {required ? (
        <Notice tone="warning">
          Peran Anda wajib memakai verifikasi dua langkah. Aktifkan terlebih dahulu sebelum melanjutkan.
        </Notice>
      ) : null}
      <p>
        Verifikasi dua langkah melindungi akun Anda: selain kata sandi, masuk memerlukan kode 6 angka dari aplikasi
        autentikator di ponsel (mis. Google Authenticator, Microsoft Authenticator, FreeOTP).
      </p>
      <ErrorBox error={error} />
      {enrolment === undefined ? (
        <button type="button" className="button-primary" disabled={busy} onClick={() => void start()}>
          {busy ? 'Memproses…' : 'Mulai aktifkan verifikasi dua langkah'}
        </button>
      ) : (
        <form className="card" onSubmit={(event) => void confirm(event)} noValidate>
          <h2>1. Pindai kode QR</h2>
          <img
            className="qr-code"
            src={enrolment.qrCodeDataUrl}
            width={220}
            height={220}
            alt="Kode QR untuk aplikasi autentikator"
          />
          <p>
            Tidak bisa memindai? Ketik kunci ini di aplikasi: <code className="mono">{enrolment.secret}</code>
          </p>
          <h2>2. Masukkan kode dari aplikasi</h2>
          <ErrorSummary attempt={codeCheck.error ? attempt : 0} />
          <AuthenticatorCodeField
            label="Kode verifikasi"
            value={code}
            onValue={setCode}
            check={codeCheck}
            showError={attempt > 0}
          />
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Memproses…' : 'Aktifkan'}
          </button>
        </form>
      )}
    </div>
  );
}
