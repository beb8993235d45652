import { useState, type FormEvent, type ReactNode } from 'react';
import { post } from '../../api/client';
import { VERIFICATION_FIELD_LABELS } from '../../domain/labels';
import { checkReadableText } from '../../domain/text-rules';
import { ErrorBox, Notice, TextField } from '../../ui/form';

/** The fields an agency may ask to compare (API.md "Verification for agencies"). */
const FIELDS: Array<[string, string]> = Object.entries(VERIFICATION_FIELD_LABELS);

interface Created {
  id: string;
  clientId: string;
  clientSecret: string;
}

export function AgenciesPage(): ReactNode {
  const [name, setName] = useState('');
  const [fields, setFields] = useState<string[]>(['fullName', 'birthDate']);
  const [rate, setRate] = useState('60');
  const [created, setCreated] = useState<Created>();
  const [error, setError] = useState<unknown>();
  const [agencyId, setAgencyId] = useState('');
  const [stateNote, setStateNote] = useState<string>();
  const [tried, setTried] = useState(false);

  const checks = {
    name: checkReadableText(name, 'Nama lembaga'),
    rate:
      /^\d+$/.test(rate) && Number(rate) >= 1 ? {} : { error: 'Kuota berupa angka permintaan per menit, minimal 1.' },
  };
  const create = (event: FormEvent): void => {
    event.preventDefault();
    setTried(true);
    if (checks.name.error || checks.rate.error || fields.length === 0) return;
    setError(undefined);
    post<Created>('/admin/agencies', {
      name: name.trim(),
      allowedFields: fields,
      requestsPerMinute: Number(rate),
    }).then((reply) => {
      setCreated(reply);
      setAgencyId(reply.id);
    }, setError);
  };
  const setState = (action: 'suspend' | 'resume'): void => {
    setError(undefined);
    post(`/admin/agencies/${encodeURIComponent(agencyId)}/${action}`).then(
      () => setStateNote(action === 'suspend' ? 'Akses lembaga dihentikan sementara.' : 'Akses lembaga dipulihkan.'),
      setError,
    );
  };

  return (
    <div className="narrow">
      <p>
        Lembaga pengguna (bank, asuransi, BPJS, kepolisian, …) hanya dapat mencocokkan NIK dengan kolom yang diizinkan
        perjanjiannya.
      </p>
      <ErrorBox error={error} />
      {created ? (
        <div className="alert alert-warning" role="status">
          <p>
            <strong>Simpan sekarang: rahasia klien hanya ditampilkan sekali.</strong>
          </p>
          <dl className="facts">
            <div>
              <dt>ID lembaga</dt>
              <dd className="mono">{created.id}</dd>
            </div>
            <div>
              <dt>client_id</dt>
              <dd className="mono">{created.clientId}</dd>
            </div>
            <div>
              <dt>client_secret</dt>
              <dd className="mono secret">{created.clientSecret}</dd>
            </div>
          </dl>
          <button
            type="button"
            className="button"
            onClick={() => void navigator.clipboard?.writeText(created.clientSecret)}
          >
            Salin rahasia
          </button>
        </div>
      ) : null}
      <form className="card" onSubmit={create} noValidate>
        <h2>Daftarkan lembaga</h2>
        <TextField
          label="Nama lembaga"
          name="name"
          value={name}
          onValue={setName}
          check={checks.name}
          showError={tried}
        />
        <fieldset>
          <legend>Kolom yang boleh dicocokkan (hak akses)</legend>
          {FIELDS.map(([value, text]) => (
            <label className="checkbox" key={value}>
              <input
                type="checkbox"
                checked={fields.includes(value)}
                onChange={(event) =>
                  setFields(event.target.checked ? [...fields, value] : fields.filter((f) => f !== value))
                }
              />{' '}
              {text}
            </label>
          ))}
          {tried && fields.length === 0 ? <p className="error-text">Pilih sedikitnya satu kolom.</p> : null}
        </fieldset>
        <TextField
          label="Kuota (permintaan per menit)"
          name="requestsPerMinute"
          inputMode="numeric"
          value={rate}
          onValue={setRate}
          check={checks.rate}
          showError={tried}
        />
        <button type="submit" className="button-primary">
          Daftarkan
        </button>
      </form>
      <section className="card">
        <h2>Hentikan atau pulihkan akses</h2>
        {stateNote ? <Notice tone="success">{stateNote}</Notice> : null}
        <TextField label="ID lembaga" name="agencyId" value={agencyId} onValue={setAgencyId} className="mono" />
        <div className="button-row">
          <button
            type="button"
            className="button button-danger"
            disabled={!agencyId}
            onClick={() => setState('suspend')}
          >
            Hentikan sementara
          </button>
          <button type="button" className="button" disabled={!agencyId} onClick={() => setState('resume')}>
            Pulihkan
          </button>
        </div>
      </section>
    </div>
  );
}
