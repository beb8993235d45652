import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { fetchBlob, get, post, type Session } from '../../api/client';
import type { Application, ApplicationAction, Attachment, Family, Person } from '../../api/types';
import {
  ATTACHMENT_KIND_LABELS,
  RELATIONSHIP_LABELS,
  SEX_LABELS,
  TYPE_SHORT_LABELS,
  PERSON_STATUS_LABELS,
} from '../../domain/labels';
import { checkReadableText } from '../../domain/text-rules';
import { Link } from '../../router';
import { ErrorBox, Notice, TextAreaField } from '../../ui/form';
import { formatAge, formatDate, formatDateTime, formatSize } from '../../ui/format';
import { StatusBadge, Timeline } from '../../ui/status';
import { useLoad } from '../../ui/use-load';
import { registryViewOf } from '../../application-types/application-types.registry';
import { ApplicationDetails } from './details';
import { APPLICATION_TYPES } from '../../../../../libs/domain/src/application-types/application-types.registry.js';

type StaffAction = Extract<ApplicationAction, 'verify' | 'return' | 'reject' | 'approve'>;

const ACTION_TEXT: Record<StaffAction, { button: string; done: string; needsReason: boolean; field?: string }> = {
  verify: {
    button: 'Verifikasi',
    done: 'Permohonan diverifikasi dan diteruskan ke pejabat.',
    needsReason: false,
    field: 'Catatan (tidak wajib)',
  },
  approve: { button: 'Setujui', done: 'Permohonan disetujui. Dokumen diterbitkan otomatis.', needsReason: false },
  return: {
    button: 'Kembalikan untuk perbaikan',
    done: 'Permohonan dikembalikan kepada pemohon.',
    needsReason: true,
    field: 'Alasan pengembalian (dibaca pemohon)',
  },
  reject: {
    button: 'Tolak',
    done: 'Permohonan ditolak.',
    needsReason: true,
    field: 'Alasan penolakan (dibaca pemohon)',
  },
};

export function ReviewPage({ id, session }: { id: string; session: Session }): ReactNode {
  const loaded = useLoad(() => get<Application>(`/applications/${id}`), [id]);
  const approved = loaded.data?.status === 'APPROVED';
  const { setData } = loaded;
  // An approved application becomes "Diterbitkan" once its documents exist, seconds later:
  // the page follows it there by itself.
  useEffect(() => {
    if (!approved) return;
    const timer = setInterval(() => {
      get<Application>(`/applications/${id}`).then(
        (fresh) => {
          if (fresh.status !== 'APPROVED') setData(fresh);
        },
        () => undefined,
      );
    }, 2_000);
    return () => clearInterval(timer);
  }, [approved, id, setData]);
  if (loaded.loading && !loaded.data) return <p aria-live="polite">Memuat permohonan…</p>;
  if (loaded.error || !loaded.data) return <ErrorBox error={loaded.error} />;
  return <Review application={loaded.data} session={session} onChange={loaded.setData} />;
}

function Review({
  application,
  session,
  onChange,
}: {
  application: Application;
  session: Session;
  onChange: (a: Application) => void;
}): ReactNode {
  const me = session.account;
  const verifiedBy = [...application.history].reverse().find((entry) => entry.to === 'VERIFIED')?.actor;
  // Four-eyes rule (DOMAIN.md): the verifier may not approve. The API refuses it; the screen
  // does not offer it.
  const fourEyesBlocked = application.status === 'VERIFIED' && verifiedBy !== undefined && verifiedBy === me.username;
  const actions = (application.allowedActions ?? []).filter(
    (action): action is StaffAction => action in ACTION_TEXT && !(action === 'approve' && fourEyesBlocked),
  );

  return (
    <>
      <p>
        <Link to="/petugas">← Kembali ke antrean</Link>
      </p>
      <div className="review-head card">
        <div>
          <p className="lead">{TYPE_SHORT_LABELS[application.type]}</p>
          <p>
            Nomor <strong className="mono">{application.number}</strong> ·{' '}
            <span aria-live="polite" data-testid="review-status">
              <StatusBadge status={application.status} />
            </span>
            {application.waitingSeconds !== undefined ? <> · menunggu {formatAge(application.waitingSeconds)}</> : null}
          </p>
          <p className="hint">
            Pemohon {application.applicantName ? <strong>{application.applicantName}</strong> : null} NIK{' '}
            <span className="mono">{application.applicantNik}</span> · diajukan{' '}
            {formatDateTime(application.submittedAt)} · wilayah {application.regencyCode}
          </p>
        </div>
      </div>
      <div className="review-grid">
        <section className="card" aria-labelledby="isian">
          <h2 id="isian">Isian permohonan</h2>
          <ApplicationDetails application={application} />
          <h2>Riwayat</h2>
          <Timeline history={application.history} />
        </section>
        <section className="card" aria-labelledby="register">
          <h2 id="register">Data kependudukan saat ini</h2>
          <RegistryPanel application={application} />
        </section>
      </div>
      <section className="card" aria-labelledby="berkas">
        <h2 id="berkas">Berkas persyaratan</h2>
        <EvidenceViewer application={application} />
      </section>
      <section className="card action-panel" aria-labelledby="tindakan">
        <h2 id="tindakan">Tindakan</h2>
        <RulesExplained
          application={application}
          session={session}
          fourEyesBlocked={fourEyesBlocked}
          verifiedBy={verifiedBy}
        />
        {/* Always mounted: the confirmation of the last action stays when no action is left. */}
        <ActionForms application={application} actions={actions} onChange={onChange} />
      </section>
    </>
  );
}

function RulesExplained({
  application,
  session,
  fourEyesBlocked,
  verifiedBy,
}: {
  application: Application;
  session: Session;
  fourEyesBlocked: boolean;
  verifiedBy: string | undefined;
}): ReactNode {
  const role = session.account.role;
  const notes: string[] = [];
  if (application.ownFamily)
    notes.push(
      'Permohonan ini dari keluarga Anda sendiri (pemohon atau KK-nya memuat NIK Anda): petugas tidak boleh memprosesnya; serahkan kepada petugas lain.',
    );
  if (fourEyesBlocked)
    notes.push(
      'Anda yang memverifikasi permohonan ini. Permohonan harus diperiksa oleh dua orang: persetujuan diberikan oleh pejabat lain.',
    );
  if (role === 'CLERK' && application.status === 'VERIFIED')
    notes.push(
      `Sudah diverifikasi${verifiedBy ? ` oleh ${verifiedBy}` : ''}; menunggu persetujuan pejabat pencatatan sipil. Operator masih dapat mengembalikan atau menolak.`,
    );
  if (role === 'OFFICIAL' && application.status === 'SUBMITTED')
    notes.push('Permohonan belum diverifikasi operator. Pejabat hanya menyetujui permohonan yang sudah diverifikasi.');
  if (['APPROVED', 'ISSUED', 'REJECTED', 'CANCELLED'].includes(application.status))
    notes.push('Permohonan ini sudah selesai; tidak ada tindakan lagi.');
  if (application.status === 'REVISION_REQUESTED') notes.push('Menunggu perbaikan dari pemohon.');
  if ((application.allowedActions ?? []).length === 0 && notes.length === 0)
    notes.push('Tidak ada tindakan yang dapat Anda lakukan pada permohonan ini.');
  return notes.length ? (
    <ul className="rules">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  ) : null;
}

function ActionForms({
  application,
  actions,
  onChange,
}: {
  application: Application;
  actions: StaffAction[];
  onChange: (a: Application) => void;
}): ReactNode {
  const [active, setActive] = useState<StaffAction | undefined>();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  /** Whom a verification note is for: the official only (internal), or the applicant. */
  const [audience, setAudience] = useState<'internal' | 'applicant'>('internal');
  const field = useRef<HTMLDivElement>(null);

  useEffect(() => {
    field.current?.querySelector<HTMLElement>('textarea, button[type=submit]')?.focus();
  }, [active]);

  const spec = active ? ACTION_TEXT[active] : undefined;
  // Read by the applicant or the official: the API's rule, checked here to name the field at once.
  const textCheck = spec?.field
    ? checkReadableText(text, spec.needsReason ? 'Alasan' : 'Catatan', {
        multiline: true,
        required: spec.needsReason,
      })
    : {};

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!active || !spec) return;
    setTried(true);
    if (textCheck.error) return;
    setBusy(true);
    setError(undefined);
    const body =
      active === 'verify'
        ? text.trim()
          ? audience === 'internal'
            ? { note: text.trim() }
            : { message: text.trim() }
          : {}
        : spec.needsReason
          ? { reason: text.trim() }
          : undefined;
    post<Application>(`/applications/${application.id}/${active}`, body).then(
      (updated) => {
        setDone(spec.done);
        setActive(undefined);
        setText('');
        setBusy(false);
        setTried(false);
        onChange(updated);
      },
      (caught: unknown) => {
        setError(caught);
        setBusy(false);
      },
    );
  };

  // Focus on the confirmation once it is on the page, not on the body the removed buttons leave
  // behind (an animation frame after the answer was sometimes before React had drawn it).
  useEffect(() => {
    if (done) field.current?.querySelector<HTMLElement>('.alert-success')?.focus();
  }, [done]);

  return (
    <div ref={field}>
      {done ? <Notice tone="success">{done}</Notice> : null}
      <ErrorBox error={error} />
      {actions.length > 0 ? (
        <div className="button-row" role="group" aria-label="Pilih tindakan">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`button ${action === 'approve' || action === 'verify' ? 'button-primary' : action === 'reject' ? 'button-danger' : ''}`}
              aria-pressed={active === action}
              onClick={() => {
                setActive(action);
                setDone(undefined);
                setTried(false);
              }}
            >
              {ACTION_TEXT[action].button}
            </button>
          ))}
        </div>
      ) : null}
      {active && spec ? (
        <form onSubmit={submit} className="action-form" noValidate>
          {active === 'verify' ? (
            <fieldset className="audience">
              <legend>Catatan ini untuk</legend>
              <label className="radio">
                <input
                  type="radio"
                  name="audience"
                  checked={audience === 'internal'}
                  onChange={() => setAudience('internal')}
                />{' '}
                Pejabat saja (catatan internal, tidak dilihat pemohon)
              </label>
              <label className="radio">
                <input
                  type="radio"
                  name="audience"
                  checked={audience === 'applicant'}
                  onChange={() => setAudience('applicant')}
                />{' '}
                Pemohon (pesan yang dibaca pemohon di riwayat permohonan)
              </label>
            </fieldset>
          ) : null}
          {spec.field ? (
            <TextAreaField
              label={spec.field}
              name="reason"
              value={text}
              onValue={setText}
              rows={3}
              maxLength={1000}
              check={textCheck}
              showError={tried}
            />
          ) : (
            <p>
              {active === 'approve'
                ? 'Dengan menyetujui, nama dan NIP Anda dicetak pada dokumen yang diterbitkan.'
                : 'Lanjutkan?'}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? 'Memproses…' : `Konfirmasi: ${spec.button}`}
            </button>
            <button type="button" className="button" onClick={() => setActive(undefined)}>
              Batal
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

/** The registry as it stands: for a birth, the KK the child joins with the parents marked. */
function RegistryPanel({ application }: { application: Application }): ReactNode {
  const view = registryViewOf(application);
  const named = new Set(view.named.keys());
  const kk = view.familyCardNumber;
  const family = useLoad(async () => (kk ? get<Family>(`/families/${kk}`) : undefined), [kk]);
  const people = useLoad(
    async () =>
      kk
        ? []
        : Promise.all(
            [...named].map((nik) =>
              get<Person>(`/residents/${nik}`).catch(() => ({ nik, missing: true }) as unknown as Person),
            ),
          ),
    [kk, application.id],
  );
  if (family.loading || people.loading) return <p aria-live="polite">Memuat data kependudukan…</p>;
  if (family.error) return <ErrorBox error={family.error} />;
  const roleOf = (nik: string): string | undefined => view.named.get(nik);

  const table = (members: Person[]): ReactNode => (
    // Focusable, so the table scrolls by keyboard when it is wider than its column.
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel data kependudukan">
      <table className="registry">
        <thead>
          <tr>
            <th scope="col">Nama</th>
            <th scope="col">NIK</th>
            <th scope="col">Hubungan</th>
            <th scope="col">JK</th>
            <th scope="col">Tgl lahir</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {members.map((person) => {
            const mark = roleOf(person.nik);
            if ((person as unknown as { missing?: boolean }).missing)
              return (
                <tr key={person.nik} className="missing">
                  <td colSpan={6}>
                    NIK <span className="mono">{person.nik}</span> tidak ditemukan di wilayah Anda.
                  </td>
                </tr>
              );
            return (
              <tr key={person.nik} className={mark ? 'named' : undefined}>
                <td>
                  {person.fullName}
                  {mark ? <span className="tag">{mark}</span> : null}
                </td>
                <td className="mono">{person.nik}</td>
                <td>{person.relationship ? (RELATIONSHIP_LABELS[person.relationship] ?? person.relationship) : '—'}</td>
                <td>{SEX_LABELS[person.sex] ?? person.sex}</td>
                <td>{formatDate(person.birthDate)}</td>
                <td>{PERSON_STATUS_LABELS[person.status] ?? person.status}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );

  if (family.data) {
    const f = family.data;
    const expected = view.expectedMembers;
    const missing = expected?.niks.filter((nik) => !f.members.some((m) => m.nik === nik)) ?? [];
    return (
      <>
        <p>
          Kartu Keluarga <span className="mono">{f.familyCardNumber}</span>: {f.address}, RT {f.rt}/RW {f.rw},{' '}
          {f.villageName ?? f.villageCode}, {f.districtName ?? ''}
        </p>
        {expected && missing.length > 0 ? <div className="alert alert-error">{expected.warning}</div> : null}
        {table(f.members)}
        <p className="hint">
          Baris yang ditandai adalah orang yang disebut dalam permohonan. Pembacaan ini tercatat di riwayat akses data
          penduduk.
        </p>
      </>
    );
  }
  return people.data && people.data.length ? table(people.data) : <p>Tidak ada data untuk ditampilkan.</p>;
}

interface EvidenceRow {
  kind: Attachment['kind'];
  title: string;
  /** Why the rules ask for it in this application (the registry's facts), when they do. */
  reason?: string;
  files: Attachment[];
}

/**
 * One list of the evidence: each kind expected for this application (first what the rules ask
 * for given the registry, then what the type expects), with the files attached as it or "belum
 * dilampirkan"; then any other attachment.
 */
function evidenceRows(application: Application): { expected: EvidenceRow[]; others: Attachment[] } {
  const rows = new Map<Attachment['kind'], EvidenceRow>();
  for (const rule of application.expectedEvidence ?? []) {
    rows.set(rule.kind, {
      kind: rule.kind,
      title: ATTACHMENT_KIND_LABELS[rule.kind] ?? rule.label,
      reason: rule.reason,
      files: [],
    });
  }
  for (const item of APPLICATION_TYPES[application.type].expectedEvidence) {
    if (!rows.has(item.kind)) rows.set(item.kind, { kind: item.kind, title: item.description, files: [] });
  }
  const others: Attachment[] = [];
  for (const file of application.attachments) {
    const row = rows.get(file.kind);
    if (row) row.files.push(file);
    else others.push(file);
  }
  return { expected: [...rows.values()], others };
}

/** Evidence shown in the page: images inline, PDFs in a frame, fetched with the staff token. */
function EvidenceViewer({ application }: { application: Application }): ReactNode {
  const [current, setCurrent] = useState<Attachment | undefined>(application.attachments[0]);
  const [url, setUrl] = useState<string>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (!current) return;
    let live = true;
    let objectUrl: string | undefined;
    setUrl(undefined);
    setProblem(undefined);
    fetchBlob(`/applications/${application.id}/attachments/${current.id}`).then(
      (blob) => {
        objectUrl = URL.createObjectURL(new Blob([blob], { type: current.contentType }));
        if (live) setUrl(objectUrl);
      },
      () => live && setProblem('Berkas tidak dapat dimuat.'),
    );
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [application.id, current]);

  const { expected, others } = evidenceRows(application);
  const fileButton = (file: Attachment, label: ReactNode): ReactNode => (
    <button type="button" className="button" aria-pressed={current?.id === file.id} onClick={() => setCurrent(file)}>
      {label}
      <small>
        {file.fileName} · {formatSize(file.size)}
      </small>
    </button>
  );
  return (
    <div className="evidence-viewer">
      <div>
        <h3 id="berkas-diperlukan">Berkas yang diperlukan</h3>
        <ul className="evidence-list" aria-labelledby="berkas-diperlukan">
          {expected.map((row) => (
            <li key={row.kind} className={row.files.length ? 'attached' : 'missing'}>
              <p className="evidence-title">
                <strong>{row.title}</strong>
                {row.files.length === 0 ? <span className="tag">belum dilampirkan</span> : null}
              </p>
              {row.reason ? <p className="hint">Menurut isian: {row.reason}</p> : null}
              {row.files.map((file) => (
                <div key={file.id}>{fileButton(file, 'Lihat berkas')}</div>
              ))}
            </li>
          ))}
        </ul>
        {others.length > 0 ? (
          <>
            <h3 id="berkas-lain">Lampiran lain</h3>
            <ul className="evidence-list" aria-labelledby="berkas-lain">
              {others.map((file) => (
                <li key={file.id}>{fileButton(file, ATTACHMENT_KIND_LABELS[file.kind])}</li>
              ))}
            </ul>
          </>
        ) : null}
        {application.attachments.length === 0 ? (
          <p>Pemohon tidak melampirkan berkas. Sistem tidak mewajibkan lampiran; nilailah apakah bukti cukup.</p>
        ) : null}
      </div>
      {application.attachments.length > 0 ? (
        <div className="evidence-frame">
          {problem ? <p className="error-text">{problem}</p> : null}
          {!url && !problem ? <p aria-live="polite">Memuat berkas…</p> : null}
          {url && current?.contentType === 'application/pdf' ? (
            <>
              <iframe src={url} title={`Berkas ${current.fileName}`} />
              <a href={url} download={current.fileName}>
                Unduh {current.fileName}
              </a>
            </>
          ) : null}
          {url && current && current.contentType !== 'application/pdf' ? (
            <img src={url} alt={`${ATTACHMENT_KIND_LABELS[current.kind]}: ${current.fileName}`} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
