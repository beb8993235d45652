// The pieces the application forms (application-types/<type>/) share: their frame (errors, evidence, send button), an
// address within the regency, a reason, and the members of a new Kartu Keluarga.
import { useEffect, useRef, useState, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import { APPLICATION_TYPES } from '../../../../../libs/domain/src/application-types/application-types.registry.js';
import type { Account, ApplicationDetailsOf, ApplicationType, AttachmentKind, Family } from '../../api/types';
import { checkDigits, checkNik, checkRequired, type Check } from '../../domain/rules';
import { sentenceCase } from '../../domain/sentence-case';
import { ErrorBox, ErrorSummary, NumberIdField, SelectField, TextAreaField, TextField } from '../../ui/form';
import { EvidencePicker, type PendingFile } from './evidence';
import type { UploadProgress } from './submit';
import { VillagePicker } from './village-picker';

export interface FormProps<K extends ApplicationType = ApplicationType> {
  family: Family;
  account: Account;
  /** A returned application's details, to correct. */
  initial?: ApplicationDetailsOf<K>;
  submitLabel: string;
  error?: unknown;
  busy: boolean;
  /** The evidence upload under way, for the progress bar. */
  progress?: UploadProgress;
  onSubmit: (body: Record<string, unknown>, files: PendingFile[]) => void;
}

export type Options = Array<readonly [string, string]>;

export const options = (labels: Readonly<Record<string, string>>): Options =>
  Object.entries(labels).map(([value, text]) => [value, text] as const);
/** An official list whose labels are its values: the value as it is, the text in sentence case. */
export const listOptions = (labels: readonly string[]): Options =>
  labels.map((text) => [text, sentenceCase(text)] as const);
export const str = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
export const OK: Check = {};

/** Several text values in one state, each with its own setter. */
export function useValues<Key extends string>(
  initial: Record<Key, string>,
): [Record<Key, string>, (key: Key) => (value: string) => void] {
  const [values, setValues] = useState(initial);
  return [values, (key) => (value) => setValues((current) => ({ ...current, [key]: value }))];
}

/** What every form keeps besides its fields: the evidence picked, and whether sending was tried. */
export interface FormState {
  files: PendingFile[];
  setFiles: (files: PendingFile[]) => void;
  tried: boolean;
  setTried: (tried: boolean) => void;
  /** Sends tried: each failed one shows the error summary again. */
  attempt: number;
  setAttempt: (attempt: number) => void;
}

export function useFormState(): FormState {
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [tried, setTried] = useState(false);
  const [attempt, setAttempt] = useState(0);
  return { files, setFiles, tried, setTried, attempt, setAttempt };
}

function Actions({
  busy,
  label,
  blocked,
  progress,
}: {
  busy: boolean;
  label: string;
  blocked: string | undefined;
  progress: UploadProgress | undefined;
}): ReactNode {
  return (
    <div className="form-actions">
      {busy && progress ? (
        <div className="upload-progress">
          <label htmlFor="kemajuan-unggah">
            Mengunggah berkas {progress.file} dari {progress.files} ({Math.round(progress.fraction * 100)}%)
          </label>
          <progress id="kemajuan-unggah" max={100} value={Math.round(progress.fraction * 100)} />
        </div>
      ) : null}
      {blocked ? <p className="hint">Periksa isian yang ditandai sebelum mengirim.</p> : null}
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? 'Mengirim…' : label}
      </button>
    </div>
  );
}

/** The evidence the office expects for a type (libs/domain), as the form lists it. */
export function ExpectedEvidenceList({ type }: { type: ApplicationType }): ReactNode {
  const expected = APPLICATION_TYPES[type].expectedEvidence;
  return (
    <ul className="expected-evidence">
      {expected.map((item) => (
        <li key={item.kind}>{item.description}</li>
      ))}
    </ul>
  );
}

/**
 * The frame of an application form: the server's refusal and the error summary on top, the
 * fields, the evidence the office expects and the send button. Sending shows every error;
 * nothing is sent while one is left (`blocked`). Sending a new application without any of the
 * expected evidence asks once more: the system never requires it, but a missing paper costs a
 * return and a second trip.
 */
export function ApplicationForm<K extends ApplicationType>({
  props,
  state,
  blocked,
  body,
  suggested,
  children,
}: {
  props: FormProps<K>;
  state: FormState;
  blocked: string | undefined;
  body: () => Record<string, unknown>;
  suggested: AttachmentKind;
  children: ReactNode;
}): ReactNode {
  const type = body()['type'] as K;
  const expected = APPLICATION_TYPES[type].expectedEvidence;
  const [confirming, setConfirming] = useState(false);
  const confirmBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmBox.current?.focus();
  }, [confirming]);
  const hasExpected = state.files.some((pending) => expected.some((item) => item.kind === pending.kind));
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    state.setTried(true);
    state.setAttempt(state.attempt + 1);
    if (blocked) return;
    if (!props.initial && !hasExpected && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    props.onSubmit(body(), state.files);
  };
  return (
    <form onSubmit={submit} noValidate className="application-form">
      <ErrorSummary attempt={blocked ? state.attempt : 0} />
      <ErrorBox error={props.error} />
      {children}
      <section className="expected" aria-labelledby="berkas-diharapkan">
        <h2 id="berkas-diharapkan">Berkas yang diperlukan</h2>
        <p className="hint">
          Lampirkan foto atau pindaian berkas ini agar petugas tidak perlu mengembalikan permohonan:
        </p>
        <ExpectedEvidenceList type={type} />
      </section>
      <EvidencePicker files={state.files} onChange={state.setFiles} suggested={suggested} />
      {confirming && !hasExpected ? (
        <div className="alert alert-warning" ref={confirmBox} tabIndex={-1} role="group" aria-labelledby="tanpa-berkas">
          <h2 id="tanpa-berkas">Kirim tanpa berkas persyaratan?</h2>
          <p>
            Anda belum melampirkan berkas yang diperlukan. Petugas mungkin mengembalikan permohonan untuk dilengkapi.
          </p>
          <div className="button-row">
            <button type="submit" className="button-primary" disabled={props.busy}>
              Tetap kirim tanpa berkas
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirming(false);
                document.querySelector<HTMLElement>('.evidence select')?.focus();
              }}
            >
              Lampirkan berkas dulu
            </button>
          </div>
        </div>
      ) : (
        <Actions
          busy={props.busy}
          label={props.submitLabel}
          blocked={state.tried ? blocked : undefined}
          progress={props.progress}
        />
      )}
    </form>
  );
}

/** The error of a whole group (radio buttons, a set of changes), once sending was tried. */
export function GroupError({ check, show }: { check: Check; show: boolean }): ReactNode {
  return show && check.error ? <p className="error-text">{check.error}</p> : null;
}

/** A required choice from a list of labels: shows its error once sending was tried. */
export function ChoiceField({
  labels,
  tried,
  ...props
}: Omit<ComponentProps<typeof SelectField>, 'options' | 'showError'> & {
  labels: Readonly<Record<string, string>>;
  tried: boolean;
}): ReactNode {
  return <SelectField options={options(labels)} placeholder="— pilih —" showError={tried} {...props} />;
}

export function ReasonField(props: {
  label: string;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
  check: Check;
  tried: boolean;
}): ReactNode {
  const { tried, ...rest } = props;
  return <TextAreaField name="reason" showError={tried} rows={3} {...rest} />;
}

export const reasonCheck = (reason: string): Check => checkRequired(reason, 'Alasan');

export interface Address {
  address: string;
  rt: string;
  rw: string;
  villageCode: string;
  postalCode: string;
}

export function useAddress(
  initial: Partial<Address> | undefined,
): [Address, (key: keyof Address) => (value: string) => void] {
  return useValues<keyof Address>({
    address: str(initial?.['address']),
    rt: str(initial?.['rt']),
    rw: str(initial?.['rw']),
    villageCode: str(initial?.['villageCode']),
    postalCode: str(initial?.['postalCode']),
  });
}

export function addressChecks(value: Address): Record<keyof Address, Check> {
  return {
    address: checkRequired(value.address, 'Alamat'),
    rt: checkDigits(value.rt, 3, 'RT'),
    rw: checkDigits(value.rw, 3, 'RW'),
    villageCode: checkRequired(value.villageCode, 'Desa/kelurahan'),
    postalCode: checkDigits(value.postalCode, 5, 'Kode pos'),
  };
}

/** The address as the API takes it: the street in capitals, the codes as typed. */
export function addressBody({ address, rt, rw, villageCode, postalCode }: Address): Address {
  return { address: address.trim().toUpperCase(), rt, rw, villageCode, postalCode };
}

const DIGIT_FIELDS = [
  { key: 'rt', label: 'RT', length: 3, hint: '3 angka, mis. 004' },
  { key: 'rw', label: 'RW', length: 3, hint: '3 angka, mis. 002' },
  { key: 'postalCode', label: 'Kode pos', length: 5, hint: undefined },
] as const;

/** Street, RT, RW, postal code and village: an address inside the family's regency. */
export function AddressFields({
  family,
  label,
  value,
  set,
  checks,
  tried,
  examples,
}: {
  family: Family;
  label: string;
  value: Address;
  set: (key: keyof Address) => (value: string) => void;
  checks: Record<string, Check>;
  tried: boolean;
  /** Show an example under RT and RW. */
  examples: boolean;
}): ReactNode {
  const regencyCode = family.regencyCode ?? family.villageCode.split('.').slice(0, 2).join('.');
  return (
    <>
      <TextField
        label={label}
        name="address"
        value={value.address}
        onValue={set('address')}
        check={checks['address']}
        showError={tried}
      />
      <div className="three-columns">
        {DIGIT_FIELDS.map((field) => (
          <TextField
            key={field.key}
            label={field.label}
            inputMode="numeric"
            maxLength={field.length}
            name={field.key}
            value={value[field.key]}
            onValue={set(field.key)}
            check={checks[field.key]}
            showError={tried || value[field.key].length >= field.length}
            hint={examples ? field.hint : undefined}
          />
        ))}
      </div>
      <VillagePicker
        regencyCode={regencyCode}
        value={value.villageCode}
        onValue={set('villageCode')}
        check={checks['villageCode']}
        showError={tried}
      />
    </>
  );
}

export interface NewMember {
  nik: string;
  relationship: string;
  maritalStatus?: string;
  marriageDate?: string;
  dispensationNumber?: string;
}

/** Each member is a new NIK once, and says how they stand in the family. */
export function newMemberChecks(members: NewMember[], headNik: string): Check[] {
  return members.map((member, index) => {
    const nik = checkNik(member.nik);
    if (nik.error) return nik;
    if (member.nik === headNik || members.findIndex((m) => m.nik === member.nik) !== index)
      return { error: 'NIK ini sudah tercantum.' };
    return member.relationship ? OK : { error: 'Pilih hubungan dalam keluarga.' };
  });
}

/** The members of a new KK besides its head (who is member 1): added, edited, removed. */
export function MemberRows({
  members,
  onChange,
  checks,
  tried,
  relationships,
}: {
  members: NewMember[];
  onChange: (members: NewMember[]) => void;
  checks: Check[];
  tried: boolean;
  relationships: Options;
}): ReactNode {
  const edit = (index: number, change: Partial<NewMember>): void =>
    onChange(members.map((m, i) => (i === index ? { ...m, ...change } : m)));
  return (
    <>
      {members.map((member, index) => (
        <div className="member-row" key={index}>
          <NumberIdField
            label={`NIK anggota ${index + 2}`}
            name={`members.${index}.nik`}
            value={member.nik}
            onValue={(nik) => edit(index, { nik })}
            check={checks[index]}
            showError={tried}
          />
          <SelectField
            label="Hubungan dalam keluarga"
            name={`members.${index}.relationship`}
            value={member.relationship}
            onValue={(relationship) => edit(index, { relationship })}
            options={relationships}
            placeholder="— pilih —"
          />
          <button type="button" className="button-link" onClick={() => onChange(members.filter((_, i) => i !== index))}>
            Hapus anggota {index + 2}
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...members, { nik: '', relationship: '' }])}>
        Tambah anggota
      </button>
    </>
  );
}
