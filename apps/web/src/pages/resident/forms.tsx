// The four application forms (API.md "Details by type"). Each checks as the person types with the
// shared rules, and hands back the body exactly as POST/PUT /applications takes it.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Account, AttachmentKind, Family, Person } from '../../api/types';
import {
  BIRTH_ATTENDANT_LABELS,
  BIRTH_PLACE_KIND_LABELS,
  BIRTH_TYPE_LABELS,
  EDUCATION_LABELS,
  FAMILY_CARD_REPLACEMENT_REASON_LABELS,
  MARITAL_STATUS_LABELS,
  OCCUPATION_LABELS,
  RELATIONSHIP_LABELS,
  RELIGION_LABELS,
  SEX_LABELS,
} from '../../domain/labels';
import { checkDate, checkDigits, checkNik, checkRequired, type Check } from '../../domain/rules';
import { ErrorBox, NumberIdField, SelectField, TextAreaField, TextField, firstError } from '../../ui/form';
import { EvidencePicker, type PendingFile } from './evidence';
import { VillagePicker } from './village-picker';

export interface FormProps {
  family: Family;
  account: Account;
  initial?: Record<string, unknown>;
  submitLabel: string;
  error?: unknown;
  busy: boolean;
  onSubmit: (body: Record<string, unknown>, files: PendingFile[]) => void;
}

const options = (labels: Readonly<Record<string, string>>): Array<readonly [string, string]> =>
  Object.entries(labels).map(([value, text]) => [value, text] as const);
const listOptions = (labels: readonly string[]): Array<readonly [string, string]> =>
  labels.map((text) => [text, text] as const);
const str = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const OK: Check = {};
const PERSON_NAME = /^\p{L}[\p{L}\p{M} .'-]*$/u;

function memberOptions(members: Person[], filter: (person: Person) => boolean): Array<readonly [string, string]> {
  return members.filter(filter).map((person) => [person.nik, `${person.fullName} (${person.nik})`] as const);
}

function Actions({ busy, label, blocked }: { busy: boolean; label: string; blocked: string | undefined }): ReactNode {
  return (
    <div className="form-actions">
      {blocked ? (
        <p className="hint" aria-live="polite">
          Periksa isian yang ditandai sebelum mengirim.
        </p>
      ) : null}
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? 'Mengirim…' : label}
      </button>
    </div>
  );
}

function useTried(): [boolean, (event: FormEvent) => boolean] {
  const [tried, setTried] = useState(false);
  return [
    tried,
    (event: FormEvent) => {
      event.preventDefault();
      setTried(true);
      return true;
    },
  ];
}

/** Pencatatan kelahiran. */
export function BirthForm({ family, initial, submitLabel, error, busy, onSubmit }: FormProps): ReactNode {
  const child = (initial?.['child'] ?? {}) as Record<string, unknown>;
  const mothers = family.members.filter(
    (p) =>
      p.sex === 'PEREMPUAN' && p.status === 'ACTIVE' && ['ISTRI', 'KEPALA_KELUARGA'].includes(p.relationship ?? ''),
  );
  const fathers = family.members.filter(
    (p) =>
      p.sex === 'LAKI_LAKI' && p.status === 'ACTIVE' && ['SUAMI', 'KEPALA_KELUARGA'].includes(p.relationship ?? ''),
  );
  const [fullName, setFullName] = useState(str(child['fullName']));
  const [sex, setSex] = useState(str(child['sex']));
  const [birthDate, setBirthDate] = useState(str(child['birthDate']));
  const [birthTime, setBirthTime] = useState(str(child['birthTime']));
  const [birthPlace, setBirthPlace] = useState(str(child['birthPlace']));
  const [placeKind, setPlaceKind] = useState(str(child['placeKind']));
  const [attendant, setAttendant] = useState(str(child['attendant']));
  const [weight, setWeight] = useState(str(child['weightGrams']));
  const [length, setLength] = useState(str(child['lengthCm']).replace('.', ','));
  const [religion, setReligion] = useState(str(child['religion']) || (fathers[0]?.religion ?? ''));
  const [birthType, setBirthType] = useState(str(child['birthType']) || 'TUNGGAL');
  const [fatherNik, setFatherNik] = useState(str(initial?.['fatherNik']) || (fathers[0]?.nik ?? ''));
  const [motherNik, setMotherNik] = useState(str(initial?.['motherNik']) || (mothers[0]?.nik ?? ''));
  const mother = family.members.find((p) => p.nik === motherNik);
  const siblings = mother
    ? family.members.filter((p) => p.relationship === 'ANAK' && p.motherName === mother.fullName).length
    : 0;
  const [birthOrder, setBirthOrder] = useState(str(child['birthOrder']) || String(siblings + 1));
  const [birthLetterNumber, setBirthLetterNumber] = useState(str(initial?.['birthLetterNumber']));
  const witnesses = Array.isArray(initial?.['witnessNiks']) ? (initial['witnessNiks'] as string[]) : [];
  const [witness1, setWitness1] = useState(witnesses[0] ?? '');
  const [witness2, setWitness2] = useState(witnesses[1] ?? '');
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [tried, attempt] = useTried();

  const lengthNumber = Number(length.replace(',', '.'));
  const checks: Record<string, Check> = {
    fullName:
      fullName.trim() === ''
        ? { error: 'Nama anak wajib diisi.' }
        : PERSON_NAME.test(fullName.trim())
          ? OK
          : { error: "Nama hanya boleh berisi huruf, spasi, dan tanda . ' -" },
    sex: checkRequired(sex, 'Jenis kelamin'),
    birthDate: checkDate(birthDate),
    birthPlace: checkRequired(birthPlace, 'Tempat lahir'),
    placeKind: checkRequired(placeKind, 'Tempat dilahirkan'),
    attendant: checkRequired(attendant, 'Penolong kelahiran'),
    religion: checkRequired(religion, 'Agama'),
    birthOrder:
      /^\d{1,2}$/.test(birthOrder) && Number(birthOrder) >= 1 && Number(birthOrder) <= 30
        ? OK
        : { error: 'Anak ke- harus angka 1–30.' },
    weight:
      weight === '' || (/^\d+$/.test(weight) && Number(weight) >= 200 && Number(weight) <= 8000)
        ? OK
        : { error: 'Berat bayi dalam gram, 200–8000.' },
    length:
      length === '' || (/^\d+([.,]\d)?$/.test(length) && lengthNumber >= 15 && lengthNumber <= 80)
        ? OK
        : { error: 'Panjang bayi dalam cm, 15–80 (satu angka desimal).' },
    fatherNik: checkNik(fatherNik),
    motherNik: checkNik(motherNik),
    birthLetterNumber: checkRequired(birthLetterNumber, 'Nomor surat keterangan lahir'),
    witness1: witness1 === '' && witness2 === '' ? OK : checkNik(witness1),
    witness2:
      witness1 === '' && witness2 === ''
        ? OK
        : witness2 === witness1
          ? { error: 'Dua saksi harus orang yang berbeda.' }
          : checkNik(witness2),
  };
  const blocked = firstError(Object.values(checks));

  const submit = (event: FormEvent): void => {
    attempt(event);
    if (blocked) return;
    const body: Record<string, unknown> = {
      type: 'BIRTH_REGISTRATION',
      familyCardNumber: family.familyCardNumber,
      child: {
        fullName: fullName.trim().toUpperCase(),
        sex,
        birthDate,
        ...(birthTime ? { birthTime } : {}),
        birthPlace: birthPlace.trim().toUpperCase(),
        placeKind,
        birthOrder: Number(birthOrder),
        attendant,
        ...(weight ? { weightGrams: Number(weight) } : {}),
        ...(length ? { lengthCm: lengthNumber } : {}),
        religion,
        birthType,
      },
      fatherNik,
      motherNik,
      birthLetterNumber: birthLetterNumber.trim(),
      ...(witness1 && witness2 ? { witnessNiks: [witness1, witness2] } : {}),
    };
    onSubmit(body, files);
  };

  return (
    <form onSubmit={submit} noValidate className="application-form">
      <ErrorBox error={error} />
      <fieldset>
        <legend>Data anak</legend>
        <TextField
          label="Nama lengkap anak"
          name="child.fullName"
          value={fullName}
          onValue={setFullName}
          check={checks.fullName}
          showError={tried || fullName !== ''}
          autoComplete="off"
        />
        <div className="two-columns">
          <SelectField
            label="Jenis kelamin"
            name="child.sex"
            value={sex}
            onValue={setSex}
            options={options(SEX_LABELS)}
            placeholder="— pilih —"
            check={checks.sex}
            showError={tried}
          />
          <SelectField
            label="Agama"
            name="child.religion"
            value={religion}
            onValue={setReligion}
            options={options(RELIGION_LABELS)}
            placeholder="— pilih —"
            check={checks.religion}
            showError={tried}
          />
        </div>
        <div className="two-columns">
          <TextField
            label="Tanggal lahir"
            type="date"
            name="child.birthDate"
            value={birthDate}
            onValue={setBirthDate}
            check={checks.birthDate}
            showError={tried || birthDate !== ''}
          />
          <TextField
            label="Pukul (tidak wajib)"
            type="time"
            name="child.birthTime"
            value={birthTime}
            onValue={setBirthTime}
          />
        </div>
        <TextField
          label="Tempat lahir (kota/kabupaten)"
          name="child.birthPlace"
          value={birthPlace}
          onValue={setBirthPlace}
          check={checks.birthPlace}
          showError={tried}
        />
        <div className="two-columns">
          <SelectField
            label="Tempat dilahirkan"
            name="child.placeKind"
            value={placeKind}
            onValue={setPlaceKind}
            options={options(BIRTH_PLACE_KIND_LABELS)}
            placeholder="— pilih —"
            check={checks.placeKind}
            showError={tried}
          />
          <SelectField
            label="Penolong kelahiran"
            name="child.attendant"
            value={attendant}
            onValue={setAttendant}
            options={options(BIRTH_ATTENDANT_LABELS)}
            placeholder="— pilih —"
            check={checks.attendant}
            showError={tried}
          />
        </div>
        <div className="three-columns">
          <SelectField
            label="Jenis kelahiran"
            name="child.birthType"
            value={birthType}
            onValue={setBirthType}
            options={options(BIRTH_TYPE_LABELS)}
          />
          <TextField
            label="Anak ke-"
            inputMode="numeric"
            name="child.birthOrder"
            value={birthOrder}
            onValue={setBirthOrder}
            check={checks.birthOrder}
            hint={mother ? `Tercatat ${siblings} anak dari ibu ini.` : undefined}
          />
          <TextField
            label="Berat (gram)"
            inputMode="numeric"
            name="child.weightGrams"
            value={weight}
            onValue={setWeight}
            check={checks.weight}
          />
        </div>
        <TextField
          label="Panjang (cm)"
          inputMode="decimal"
          name="child.lengthCm"
          value={length}
          onValue={setLength}
          check={checks.length}
        />
      </fieldset>
      <fieldset>
        <legend>Orang tua (sesuai Kartu Keluarga {family.familyCardNumber})</legend>
        <SelectField
          label="Ayah"
          name="fatherNik"
          value={fatherNik}
          onValue={setFatherNik}
          options={memberOptions(family.members, (p) => fathers.includes(p))}
          placeholder="— pilih ayah —"
          check={checks.fatherNik}
          showError={tried}
        />
        <SelectField
          label="Ibu"
          name="motherNik"
          value={motherNik}
          onValue={setMotherNik}
          options={memberOptions(family.members, (p) => mothers.includes(p))}
          placeholder="— pilih ibu —"
          check={checks.motherNik}
          showError={tried}
        />
      </fieldset>
      <fieldset>
        <legend>Surat keterangan lahir dan saksi</legend>
        <TextField
          label="Nomor surat keterangan lahir"
          name="birthLetterNumber"
          value={birthLetterNumber}
          onValue={setBirthLetterNumber}
          check={checks.birthLetterNumber}
          showError={tried}
          hint="Dari rumah sakit, puskesmas, atau bidan."
        />
        <div className="two-columns">
          <NumberIdField
            label="NIK saksi 1 (tidak wajib)"
            name="witness1"
            value={witness1}
            onValue={setWitness1}
            check={checks.witness1}
            showError={tried || witness1.length >= 16}
          />
          <NumberIdField
            label="NIK saksi 2 (tidak wajib)"
            name="witness2"
            value={witness2}
            onValue={setWitness2}
            check={checks.witness2}
            showError={tried || witness2.length >= 16}
          />
        </div>
      </fieldset>
      <EvidencePicker files={files} onChange={setFiles} suggested="SURAT_KETERANGAN_LAHIR" />
      <Actions busy={busy} label={submitLabel} blocked={tried ? blocked : undefined} />
    </form>
  );
}

interface NewMember {
  nik: string;
  relationship: string;
}

/** Kartu Keluarga baru: members split from their KKs into a new family with a new address. */
export function FamilyCardNewForm({
  family,
  account,
  initial,
  submitLabel,
  error,
  busy,
  onSubmit,
}: FormProps): ReactNode {
  const initialMembers = Array.isArray(initial?.['members']) ? (initial['members'] as NewMember[]) : [];
  const [headNik, setHeadNik] = useState(str(initial?.['headNik']) || (account.nik ?? ''));
  const [members, setMembers] = useState<NewMember[]>(
    initialMembers.filter((m) => m.relationship !== 'KEPALA_KELUARGA'),
  );
  const [address, setAddress] = useState(str(initial?.['address']));
  const [rt, setRt] = useState(str(initial?.['rt']));
  const [rw, setRw] = useState(str(initial?.['rw']));
  const [villageCode, setVillageCode] = useState(str(initial?.['villageCode']));
  const [postalCode, setPostalCode] = useState(str(initial?.['postalCode']));
  const [reason, setReason] = useState(str(initial?.['reason']));
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [tried, attempt] = useTried();
  const regencyCode = family.regencyCode ?? family.villageCode.split('.').slice(0, 2).join('.');

  const memberChecks = members.map((member, index) => {
    const nik = checkNik(member.nik);
    if (nik.error) return nik;
    if (member.nik === headNik || members.findIndex((m) => m.nik === member.nik) !== index)
      return { error: 'NIK ini sudah tercantum.' };
    return member.relationship ? OK : { error: 'Pilih hubungan dalam keluarga.' };
  });
  const checks: Record<string, Check> = {
    headNik: checkNik(headNik),
    address: checkRequired(address, 'Alamat'),
    rt: checkDigits(rt, 3, 'RT'),
    rw: checkDigits(rw, 3, 'RW'),
    villageCode: checkRequired(villageCode, 'Desa/kelurahan'),
    postalCode: checkDigits(postalCode, 5, 'Kode pos'),
    reason: checkRequired(reason, 'Alasan'),
  };
  const blocked = firstError([...Object.values(checks), ...memberChecks]);

  const submit = (event: FormEvent): void => {
    attempt(event);
    if (blocked) return;
    onSubmit(
      {
        type: 'FAMILY_CARD_NEW',
        headNik,
        members: [{ nik: headNik, relationship: 'KEPALA_KELUARGA' }, ...members],
        address: address.trim().toUpperCase(),
        rt,
        rw,
        villageCode,
        postalCode,
        reason: reason.trim(),
      },
      files,
    );
  };
  const relationships = options(RELATIONSHIP_LABELS).filter(([value]) => value !== 'KEPALA_KELUARGA');

  return (
    <form onSubmit={submit} noValidate className="application-form">
      <ErrorBox error={error} />
      <fieldset>
        <legend>Anggota keluarga baru</legend>
        <NumberIdField
          label="NIK kepala keluarga"
          name="headNik"
          value={headNik}
          onValue={setHeadNik}
          check={checks.headNik}
          showError={tried || headNik.length >= 16}
        />
        {members.map((member, index) => (
          <div className="member-row" key={index}>
            <NumberIdField
              label={`NIK anggota ${index + 2}`}
              name={`members.${index}.nik`}
              value={member.nik}
              onValue={(nik) => setMembers(members.map((m, i) => (i === index ? { ...m, nik } : m)))}
              check={memberChecks[index]}
              showError={tried || member.nik.length >= 16}
            />
            <SelectField
              label="Hubungan dalam keluarga"
              name={`members.${index}.relationship`}
              value={member.relationship}
              onValue={(relationship) => setMembers(members.map((m, i) => (i === index ? { ...m, relationship } : m)))}
              options={relationships}
              placeholder="— pilih —"
            />
            <button
              type="button"
              className="button-link"
              onClick={() => setMembers(members.filter((_, i) => i !== index))}
            >
              Hapus anggota {index + 2}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => setMembers([...members, { nik: '', relationship: '' }])}
        >
          Tambah anggota
        </button>
      </fieldset>
      <fieldset>
        <legend>Alamat baru</legend>
        <TextField
          label="Alamat (jalan, nomor, dusun)"
          name="address"
          value={address}
          onValue={setAddress}
          check={checks.address}
          showError={tried}
        />
        <div className="three-columns">
          <TextField
            label="RT"
            inputMode="numeric"
            maxLength={3}
            name="rt"
            value={rt}
            onValue={setRt}
            check={checks.rt}
            showError={tried || rt.length >= 3}
            hint="3 angka, mis. 004"
          />
          <TextField
            label="RW"
            inputMode="numeric"
            maxLength={3}
            name="rw"
            value={rw}
            onValue={setRw}
            check={checks.rw}
            showError={tried || rw.length >= 3}
            hint="3 angka, mis. 002"
          />
          <TextField
            label="Kode pos"
            inputMode="numeric"
            maxLength={5}
            name="postalCode"
            value={postalCode}
            onValue={setPostalCode}
            check={checks.postalCode}
            showError={tried || postalCode.length >= 5}
          />
        </div>
        <VillagePicker
          regencyCode={regencyCode}
          value={villageCode}
          onValue={setVillageCode}
          check={checks.villageCode}
          showError={tried}
        />
      </fieldset>
      <TextAreaField
        label="Alasan pembuatan KK baru"
        name="reason"
        value={reason}
        onValue={setReason}
        check={checks.reason}
        showError={tried}
        rows={3}
        hint="Mis. membentuk keluarga baru setelah menikah."
      />
      <EvidencePicker files={files} onChange={setFiles} suggested="BUKU_NIKAH" />
      <Actions busy={busy} label={submitLabel} blocked={tried ? blocked : undefined} />
    </form>
  );
}

interface MemberChange {
  nik: string;
  education?: string;
  occupation?: string;
  maritalStatus?: string;
  marriageDate?: string;
}

/** Perubahan data: address within the regency, or members' education, occupation, marital status. */
export function FamilyCardUpdateForm({ family, initial, submitLabel, error, busy, onSubmit }: FormProps): ReactNode {
  const initialChanges = Array.isArray(initial?.['memberChanges']) ? (initial['memberChanges'] as MemberChange[]) : [];
  const [moving, setMoving] = useState(initial?.['address'] !== undefined);
  const [address, setAddress] = useState(str(initial?.['address']));
  const [rt, setRt] = useState(str(initial?.['rt']));
  const [rw, setRw] = useState(str(initial?.['rw']));
  const [villageCode, setVillageCode] = useState(str(initial?.['villageCode']));
  const [postalCode, setPostalCode] = useState(str(initial?.['postalCode']));
  const [changes, setChanges] = useState<Record<string, MemberChange>>(
    Object.fromEntries(initialChanges.map((c) => [c.nik, c])),
  );
  const [reason, setReason] = useState(str(initial?.['reason']));
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [tried, attempt] = useTried();
  const regencyCode = family.regencyCode ?? family.villageCode.split('.').slice(0, 2).join('.');

  const change = (nik: string, field: keyof MemberChange, value: string): void => {
    const next = { ...(changes[nik] ?? { nik }), [field]: value || undefined };
    setChanges({ ...changes, [nik]: next });
  };
  const memberChanges = Object.values(changes).filter(
    (c) => c.education || c.occupation || c.maritalStatus || c.marriageDate,
  );
  const checks: Record<string, Check> = {
    address: moving ? checkRequired(address, 'Alamat') : OK,
    rt: moving ? checkDigits(rt, 3, 'RT') : OK,
    rw: moving ? checkDigits(rw, 3, 'RW') : OK,
    villageCode: moving ? checkRequired(villageCode, 'Desa/kelurahan') : OK,
    postalCode: moving ? checkDigits(postalCode, 5, 'Kode pos') : OK,
    reason: checkRequired(reason, 'Alasan'),
    something: moving || memberChanges.length > 0 ? OK : { error: 'Pilih sedikitnya satu perubahan.' },
    ...Object.fromEntries(
      memberChanges.map((c) => [`marriage-${c.nik}`, c.marriageDate ? checkDate(c.marriageDate) : OK]),
    ),
  };
  const blocked = firstError(Object.values(checks));

  const submit = (event: FormEvent): void => {
    attempt(event);
    if (blocked) return;
    onSubmit(
      {
        type: 'FAMILY_CARD_UPDATE',
        familyCardNumber: family.familyCardNumber,
        ...(moving ? { address: address.trim().toUpperCase(), rt, rw, villageCode, postalCode } : {}),
        ...(memberChanges.length > 0 ? { memberChanges } : {}),
        reason: reason.trim(),
      },
      files,
    );
  };

  return (
    <form onSubmit={submit} noValidate className="application-form">
      <ErrorBox error={error} />
      <fieldset>
        <legend>Pindah alamat (dalam kabupaten/kota yang sama)</legend>
        <label className="checkbox">
          <input type="checkbox" checked={moving} onChange={(event) => setMoving(event.target.checked)} /> Alamat
          keluarga berubah
        </label>
        {moving ? (
          <>
            <TextField
              label="Alamat baru"
              name="address"
              value={address}
              onValue={setAddress}
              check={checks.address}
              showError={tried}
            />
            <div className="three-columns">
              <TextField
                label="RT"
                inputMode="numeric"
                maxLength={3}
                name="rt"
                value={rt}
                onValue={setRt}
                check={checks.rt}
                showError={tried || rt.length >= 3}
              />
              <TextField
                label="RW"
                inputMode="numeric"
                maxLength={3}
                name="rw"
                value={rw}
                onValue={setRw}
                check={checks.rw}
                showError={tried || rw.length >= 3}
              />
              <TextField
                label="Kode pos"
                inputMode="numeric"
                maxLength={5}
                name="postalCode"
                value={postalCode}
                onValue={setPostalCode}
                check={checks.postalCode}
                showError={tried || postalCode.length >= 5}
              />
            </div>
            <VillagePicker
              regencyCode={regencyCode}
              value={villageCode}
              onValue={setVillageCode}
              check={checks.villageCode}
              showError={tried}
            />
          </>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>Perubahan data anggota</legend>
        <p className="hint">Kosongkan yang tidak berubah.</p>
        {family.members.map((person) => {
          const current = changes[person.nik] ?? { nik: person.nik };
          return (
            <details key={person.nik} className="member-change" open={Boolean(changes[person.nik])}>
              <summary>
                {person.fullName} —{' '}
                {RELATIONSHIP_LABELS[person.relationship as keyof typeof RELATIONSHIP_LABELS] ?? person.relationship}
              </summary>
              <div className="two-columns">
                <SelectField
                  label={`Pendidikan (sekarang: ${person.education})`}
                  value={current.education ?? ''}
                  onValue={(v) => change(person.nik, 'education', v)}
                  options={listOptions(EDUCATION_LABELS)}
                  placeholder="— tidak berubah —"
                />
                <SelectField
                  label={`Pekerjaan (sekarang: ${person.occupation})`}
                  value={current.occupation ?? ''}
                  onValue={(v) => change(person.nik, 'occupation', v)}
                  options={listOptions(OCCUPATION_LABELS)}
                  placeholder="— tidak berubah —"
                />
                <SelectField
                  label="Status perkawinan"
                  value={current.maritalStatus ?? ''}
                  onValue={(v) => change(person.nik, 'maritalStatus', v)}
                  options={options(MARITAL_STATUS_LABELS)}
                  placeholder="— tidak berubah —"
                />
                <TextField
                  label="Tanggal perkawinan"
                  type="date"
                  value={current.marriageDate ?? ''}
                  onValue={(v) => change(person.nik, 'marriageDate', v)}
                  check={checks[`marriage-${person.nik}`]}
                />
              </div>
            </details>
          );
        })}
        {tried && checks.something.error ? (
          <p className="error-text" role="alert">
            {checks.something.error}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label="Alasan perubahan"
        name="reason"
        value={reason}
        onValue={setReason}
        check={checks.reason}
        showError={tried}
        rows={3}
      />
      <EvidencePicker files={files} onChange={setFiles} suggested="LAINNYA" />
      <Actions busy={busy} label={submitLabel} blocked={tried ? blocked : undefined} />
    </form>
  );
}

/** KK hilang/rusak: reissued unchanged; the old print is superseded. */
export function FamilyCardReplacementForm({
  family,
  initial,
  submitLabel,
  error,
  busy,
  onSubmit,
}: FormProps): ReactNode {
  const [reason, setReason] = useState(str(initial?.['reason']));
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [tried, attempt] = useTried();
  const check = checkRequired(reason, 'Alasan');
  const suggested: AttachmentKind = reason === 'RUSAK' ? 'KK_LAMA' : 'SURAT_KEHILANGAN';
  const submit = (event: FormEvent): void => {
    attempt(event);
    if (check.error) return;
    onSubmit({ type: 'FAMILY_CARD_REPLACEMENT', familyCardNumber: family.familyCardNumber, reason }, files);
  };
  return (
    <form onSubmit={submit} noValidate className="application-form">
      <ErrorBox error={error} />
      <p>
        Kartu Keluarga <span className="mono">{family.familyCardNumber}</span> akan dicetak ulang dengan data yang sama.
        Cetakan lama tidak berlaku lagi.
      </p>
      <fieldset>
        <legend>Alasan penggantian</legend>
        {Object.entries(FAMILY_CARD_REPLACEMENT_REASON_LABELS).map(([value, text]) => (
          <label className="radio" key={value}>
            <input
              type="radio"
              name="reason"
              value={value}
              checked={reason === value}
              onChange={() => setReason(value)}
            />{' '}
            {text}
          </label>
        ))}
        {tried && check.error ? (
          <p className="error-text" role="alert">
            {check.error}
          </p>
        ) : null}
      </fieldset>
      <EvidencePicker files={files} onChange={setFiles} suggested={suggested} />
      <Actions busy={busy} label={submitLabel} blocked={tried ? check.error : undefined} />
    </form>
  );
}

export const FORMS = {
  BIRTH_REGISTRATION: BirthForm,
  FAMILY_CARD_NEW: FamilyCardNewForm,
  FAMILY_CARD_UPDATE: FamilyCardUpdateForm,
  FAMILY_CARD_REPLACEMENT: FamilyCardReplacementForm,
} as const;
