import { useState, type FormEvent, type ReactNode } from 'react';
import { currentSession, post, signIn } from '../../api/client';
import { checkPassword, checkRequired } from '../../domain/rules';
import { Link, navigate } from '../../router';
import { ErrorBox, ErrorSummary, Notice, PASSWORD_HINT, TextField, firstError, serverProblem } from '../../ui/form';
import { useFormSubmit } from '../../ui/use-form-submit';
import { landingOf } from '../login';

/**
 * "Ubah kata sandi" for residents and staff, and the forced change after an administrator's reset.
 * The API refuses every earlier token once the password changes, this one too: the page signs in
 * again with the new password (or sends to the sign-in page when a second factor is needed).
 */
export function ChangePasswordPage(): ReactNode {
  const session = currentSession();
  const forced = session?.restriction === 'PASSWORD_CHANGE';
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { attempt, busy, error, submit: send, clearError } = useFormSubmit();
  const checks = {
    currentPassword: checkRequired(currentPassword, forced ? 'Kata sandi sementara' : 'Kata sandi saat ini'),
    newPassword:
      newPassword !== '' && newPassword === currentPassword
        ? { error: 'Kata sandi baru harus berbeda dari kata sandi saat ini.' }
        : checkPassword(newPassword),
    repeat: repeat === newPassword ? {} : { error: 'Ulangi kata sandi baru dengan tepat sama.' },
  };

  const submit = (event: FormEvent): Promise<void> =>
    send(event, Boolean(firstError(Object.values(checks))) || session === undefined, async () => {
      if (session === undefined) return;
      await post('/me/password', { currentPassword, newPassword });
      const username = session.account.username ?? session.account.nik ?? '';
      const result = await signIn(username, newPassword);
      if ('mfaToken' in result) navigate('/masuk?diubah=1', { replace: true });
      else navigate(landingOf(result.session, null), { replace: true });
    });

  return (
    <div className="narrow">
      {forced ? (
        <Notice tone="warning">
          Kata sandi Anda telah disetel ulang oleh administrator. Buat kata sandi baru sebelum melanjutkan.
        </Notice>
      ) : (
        <p>
          Setelah kata sandi diubah, semua sesi Anda di perangkat lain berakhir. Lihat di mana Anda sedang masuk:{' '}
          <Link to="/akun/sesi">Sesi aktif</Link>.
        </p>
      )}
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary attempt={firstError(Object.values(checks)) ? attempt : 0} />
        <ErrorBox error={error} />
        <TextField
          label={forced ? 'Kata sandi sementara' : 'Kata sandi saat ini'}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onValue={setCurrentPassword}
          check={checks.currentPassword}
          showError={attempt > 0}
          required
        />
        <TextField
          label="Kata sandi baru"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          value={newPassword}
          onValue={(value) => {
            setNewPassword(value);
            clearError();
          }}
          check={serverProblem(error, 'newPassword') ?? checks.newPassword}
          showError={attempt > 0}
          required
        />
        <TextField
          label="Ulangi kata sandi baru"
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onValue={setRepeat}
          check={checks.repeat}
          showError={attempt > 0}
          required
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Memproses…' : 'Simpan kata sandi baru'}
        </button>
      </form>
    </div>
  );
}
