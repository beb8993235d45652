// The four application forms (API.md "Details by type"). Each checks as the person types with the
// shared rules, and hands back the body exactly as POST/PUT /applications takes it.
import { useState, type ReactNode } from 'react';
import type { AttachmentKind, Person } from '../../api/types';
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
import { checkDate, checkNik, checkRequired, type Check } from '../../domain/rules';
import { DeathRegistrationForm } from '../../application-types/death-registration/death-registration.form';
import { DateField, NumberIdField, SelectField, TextField, firstError } from '../../ui/form';
import {
  AddressFields,
  ApplicationForm,
  ChoiceField,
  GroupError,
  MemberRows,
  OK,
  ReasonField,
  addressBody,
  addressChecks,
  listOptions,
  newMemberChecks,
  options,
  reasonCheck,
  str,
  useAddress,
  useFormState,
  useValues,
  type FormProps,
  type NewMember,
  type Options,
} from './form-parts';

export type { FormProps } from './form-parts';

const PERSON_NAME = /^\p{L}[\p{L}\p{M} .'-]*$/u;

function memberOptions(members: Person[], filter: (person: Person) => boolean): Options {
  return members.filter(filter).map((person) => [person.nik, `${person.fullName} (${person.nik})`] as const);
}

/** Pencatatan kelahiran. */
export function BirthForm(props: FormProps): ReactNode {
  const { family, initial } = props;
  const child = (initial?.['child'] ?? {}) as Record<string, unknown>;
  const mothers = family.members.filter(
    (p) =>
      p.sex === 'PEREMPUAN' && p.status === 'ACTIVE' && ['ISTRI', 'KEPALA_KELUARGA'].includes(p.relationship ?? ''),
  );
  const fathers = family.members.filter(
    (p) =>
      p.sex === 'LAKI_LAKI' && p.status === 'ACTIVE' && ['SUAMI', 'KEPALA_KELUARGA'].includes(p.relationship ?? ''),
  );
  /** The mother's children on record, to suggest the child's order of birth. */
  const siblingsOf = (motherNik: string): number => {
    const mother = family.members.find((p) => p.nik === motherNik);
    return mother
      ? family.members.filter((p) => p.relationship === 'ANAK' && p.motherName === mother.fullName).length
      : 0;
  };
  const witnesses = Array.isArray(initial?.['witnessNiks']) ? (initial['witnessNiks'] as string[]) : [];
  const initialMotherNik = str(initial?.['motherNik']) || (mothers[0]?.nik ?? '');
  const [v, set] = useValues({
    fullName: str(child['fullName']),
    sex: str(child['sex']),
    birthDate: str(child['birthDate']),
    birthTime: str(child['birthTime']),
    birthPlace: str(child['birthPlace']),
    placeKind: str(child['placeKind']),
    attendant: str(child['attendant']),
    weight: str(child['weightGrams']),
    length: str(child['lengthCm']).replace('.', ','),
    religion: str(child['religion']) || (fathers[0]?.religion ?? ''),
    birthType: str(child['birthType']) || 'TUNGGAL',
    fatherNik: str(initial?.['fatherNik']) || (fathers[0]?.nik ?? ''),
    motherNik: initialMotherNik,
    birthOrder: str(child['birthOrder']) || String(siblingsOf(initialMotherNik) + 1),
    birthLetterNumber: str(initial?.['birthLetterNumber']),
    witness1: witnesses[0] ?? '',
    witness2: witnesses[1] ?? '',
  });
  const mother = family.members.find((p) => p.nik === v.motherNik);
  const siblings = siblingsOf(v.motherNik);
  const state = useFormState();
  const { tried } = state;

  const lengthNumber = Number(v.length.replace(',', '.'));
  const noWitnesses = v.witness1 === '' && v.witness2 === '';
  const checks = {
    fullName:
      v.fullName.trim() === ''
        ? { error: 'Nama anak wajib diisi.' }
        : PERSON_NAME.test(v.fullName.trim())
          ? OK
          : { error: "Nama hanya boleh berisi huruf, spasi, dan tanda . ' -" },
    sex: checkRequired(v.sex, 'Jenis kelamin'),
    birthDate: checkDate(v.birthDate),
    birthPlace: checkRequired(v.birthPlace, 'Tempat lahir'),
    placeKind: checkRequired(v.placeKind, 'Tempat dilahirkan'),
    attendant: checkRequired(v.attendant, 'Penolong kelahiran'),
    religion: checkRequired(v.religion, 'Agama'),
    birthOrder:
      /^\d{1,2}$/.test(v.birthOrder) && Number(v.birthOrder) >= 1 && Number(v.birthOrder) <= 30
        ? OK
        : { error: 'Anak ke- harus angka 1–30.' },
    weight:
      v.weight === '' || (/^\d+$/.test(v.weight) && Number(v.weight) >= 200 && Number(v.weight) <= 8000)
        ? OK
        : { error: 'Berat bayi dalam gram, 200–8000.' },
    length:
      v.length === '' || (/^\d+([.,]\d)?$/.test(v.length) && lengthNumber >= 15 && lengthNumber <= 80)
        ? OK
        : { error: 'Panjang bayi dalam cm, 15–80 (satu angka desimal).' },
    fatherNik: checkNik(v.fatherNik),
    motherNik: checkNik(v.motherNik),
    birthLetterNumber: checkRequired(v.birthLetterNumber, 'Nomor surat keterangan lahir'),
    witness1: noWitnesses ? OK : checkNik(v.witness1),
    witness2: noWitnesses
      ? OK
      : v.witness2 === v.witness1
        ? { error: 'Dua saksi harus orang yang berbeda.' }
        : checkNik(v.witness2),
  };
  /** A field's name in the body, its value and its check. */
  const field = (key: keyof typeof v & keyof typeof checks, name: string = key) => ({
    name,
    value: v[key],
    onValue: set(key),
    check: checks[key],
  });

  const body = (): Record<string, unknown> => ({
    type: 'BIRTH_REGISTRATION',
    familyCardNumber: family.familyCardNumber,
    child: {
      fullName: v.fullName.trim().toUpperCase(),
      sex: v.sex,
      birthDate: v.birthDate,
      ...(v.birthTime ? { birthTime: v.birthTime } : {}),
      birthPlace: v.birthPlace.trim().toUpperCase(),
      placeKind: v.placeKind,
      birthOrder: Number(v.birthOrder),
      attendant: v.attendant,
      ...(v.weight ? { weightGrams: Number(v.weight) } : {}),
      ...(v.length ? { lengthCm: lengthNumber } : {}),
      religion: v.religion,
      birthType: v.birthType,
    },
    fatherNik: v.fatherNik,
    motherNik: v.motherNik,
    birthLetterNumber: v.birthLetterNumber.trim(),
    ...(v.witness1 && v.witness2 ? { witnessNiks: [v.witness1, v.witness2] } : {}),
  });

  return (
    <ApplicationForm
      props={props}
      state={state}
      blocked={firstError(Object.values(checks))}
      body={body}
      suggested="SURAT_KETERANGAN_LAHIR"
    >
      <fieldset>
        <legend>Data anak</legend>
        <TextField
          label="Nama lengkap anak"
          {...field('fullName', 'child.fullName')}
          showError={tried || v.fullName !== ''}
          autoComplete="off"
        />
        <div className="two-columns">
          <ChoiceField label="Jenis kelamin" labels={SEX_LABELS} tried={tried} {...field('sex', 'child.sex')} />
          <ChoiceField label="Agama" labels={RELIGION_LABELS} tried={tried} {...field('religion', 'child.religion')} />
        </div>
        <div className="two-columns">
          <DateField
            label="Tanggal lahir"
            {...field('birthDate', 'child.birthDate')}
            showError={tried || v.birthDate !== ''}
          />
          <TextField
            label="Pukul (tidak wajib)"
            type="time"
            name="child.birthTime"
            value={v.birthTime}
            onValue={set('birthTime')}
          />
        </div>
        <TextField
          label="Tempat lahir (kota/kabupaten)"
          {...field('birthPlace', 'child.birthPlace')}
          showError={tried}
        />
        <div className="two-columns">
          <ChoiceField
            label="Tempat dilahirkan"
            labels={BIRTH_PLACE_KIND_LABELS}
            tried={tried}
            {...field('placeKind', 'child.placeKind')}
          />
          <ChoiceField
            label="Penolong kelahiran"
            labels={BIRTH_ATTENDANT_LABELS}
            tried={tried}
            {...field('attendant', 'child.attendant')}
          />
        </div>
        <div className="three-columns">
          <SelectField
            label="Jenis kelahiran"
            name="child.birthType"
            value={v.birthType}
            onValue={set('birthType')}
            options={options(BIRTH_TYPE_LABELS)}
          />
          <TextField
            label="Anak ke-"
            inputMode="numeric"
            {...field('birthOrder', 'child.birthOrder')}
            hint={mother ? `Tercatat ${siblings} anak dari ibu ini.` : undefined}
          />
          <TextField label="Berat (gram)" inputMode="numeric" {...field('weight', 'child.weightGrams')} />
        </div>
        <TextField label="Panjang (cm)" inputMode="decimal" {...field('length', 'child.lengthCm')} />
      </fieldset>
      <fieldset>
        <legend>Orang tua (sesuai Kartu Keluarga {family.familyCardNumber})</legend>
        <SelectField
          label="Ayah"
          {...field('fatherNik')}
          options={memberOptions(family.members, (p) => fathers.includes(p))}
          placeholder="— pilih ayah —"
          showError={tried}
        />
        <SelectField
          label="Ibu"
          {...field('motherNik')}
          options={memberOptions(family.members, (p) => mothers.includes(p))}
          placeholder="— pilih ibu —"
          showError={tried}
        />
      </fieldset>
      <fieldset>
        <legend>Surat keterangan lahir dan saksi</legend>
        <TextField
          label="Nomor surat keterangan lahir"
          {...field('birthLetterNumber')}
          showError={tried}
          hint="Dari rumah sakit, puskesmas, atau bidan."
        />
        <div className="two-columns">
          <NumberIdField label="NIK saksi 1 (tidak wajib)" {...field('witness1')} showError={tried} />
          <NumberIdField label="NIK saksi 2 (tidak wajib)" {...field('witness2')} showError={tried} />
        </div>
      </fieldset>
    </ApplicationForm>
  );
}

/** Kartu Keluarga baru: members split from their KKs into a new family with a new address. */
export function FamilyCardNewForm(props: FormProps): ReactNode {
  const { family, account, initial } = props;
  const initialMembers = Array.isArray(initial?.['members']) ? (initial['members'] as NewMember[]) : [];
  const [headNik, setHeadNik] = useState(str(initial?.['headNik']) || (account.nik ?? ''));
  const [members, setMembers] = useState<NewMember[]>(
    initialMembers.filter((m) => m.relationship !== 'KEPALA_KELUARGA'),
  );
  const [address, setAddress] = useAddress(initial);
  const [reason, setReason] = useState(str(initial?.['reason']));
  const state = useFormState();

  const memberChecks = newMemberChecks(members, headNik);
  const checks: Record<string, Check> = {
    headNik: checkNik(headNik),
    ...addressChecks(address),
    reason: reasonCheck(reason),
  };
  const body = (): Record<string, unknown> => ({
    type: 'FAMILY_CARD_NEW',
    headNik,
    members: [{ nik: headNik, relationship: 'KEPALA_KELUARGA' }, ...members],
    ...addressBody(address),
    reason: reason.trim(),
  });
  const relationships = options(RELATIONSHIP_LABELS).filter(([value]) => value !== 'KEPALA_KELUARGA');

  return (
    <ApplicationForm
      props={props}
      state={state}
      blocked={firstError([...Object.values(checks), ...memberChecks])}
      body={body}
      suggested="BUKU_NIKAH"
    >
      <fieldset>
        <legend>Anggota keluarga baru</legend>
        <NumberIdField
          label="NIK kepala keluarga"
          name="headNik"
          value={headNik}
          onValue={setHeadNik}
          check={checks['headNik']}
          showError={state.tried}
        />
        <MemberRows
          members={members}
          onChange={setMembers}
          checks={memberChecks}
          tried={state.tried}
          relationships={relationships}
        />
      </fieldset>
      <fieldset>
        <legend>Alamat baru</legend>
        <AddressFields
          family={family}
          label="Alamat (jalan, nomor, dusun)"
          value={address}
          set={setAddress}
          checks={checks}
          tried={state.tried}
          examples
        />
      </fieldset>
      <ReasonField
        label="Alasan pembuatan KK baru"
        value={reason}
        onValue={setReason}
        check={checks['reason'] ?? OK}
        tried={state.tried}
        hint="Mis. membentuk keluarga baru setelah menikah."
      />
    </ApplicationForm>
  );
}

interface MemberChange {
  nik: string;
  education?: string;
  occupation?: string;
  maritalStatus?: string;
  marriageDate?: string;
}

/** The choices a member's data may change to, each left empty when it does not change. */
const CHANGE_CHOICES: ReadonlyArray<{
  key: 'education' | 'occupation' | 'maritalStatus';
  label: (person: Person) => string;
  options: Options;
}> = [
  { key: 'education', label: (p) => `Pendidikan (sekarang: ${p.education})`, options: listOptions(EDUCATION_LABELS) },
  { key: 'occupation', label: (p) => `Pekerjaan (sekarang: ${p.occupation})`, options: listOptions(OCCUPATION_LABELS) },
  { key: 'maritalStatus', label: () => 'Status perkawinan', options: options(MARITAL_STATUS_LABELS) },
];

/** Perubahan data: address within the regency, or members' education, occupation, marital status. */
export function FamilyCardUpdateForm(props: FormProps): ReactNode {
  const { family, initial } = props;
  const initialChanges = Array.isArray(initial?.['memberChanges']) ? (initial['memberChanges'] as MemberChange[]) : [];
  const [moving, setMoving] = useState(initial?.['address'] !== undefined);
  const [address, setAddress] = useAddress(initial);
  const [changes, setChanges] = useState<Record<string, MemberChange>>(
    Object.fromEntries(initialChanges.map((c) => [c.nik, c])),
  );
  const [reason, setReason] = useState(str(initial?.['reason']));
  const state = useFormState();

  const change = (nik: string, field: keyof MemberChange, value: string): void => {
    const next = { ...(changes[nik] ?? { nik }), [field]: value || undefined };
    setChanges({ ...changes, [nik]: next });
  };
  const memberChanges = Object.values(changes).filter(
    (c) => c.education || c.occupation || c.maritalStatus || c.marriageDate,
  );
  const checks: Record<string, Check> = {
    ...(moving ? addressChecks(address) : {}),
    reason: reasonCheck(reason),
    something: moving || memberChanges.length > 0 ? OK : { error: 'Pilih sedikitnya satu perubahan.' },
    ...Object.fromEntries(
      memberChanges.map((c) => [`marriage-${c.nik}`, c.marriageDate ? checkDate(c.marriageDate) : OK]),
    ),
  };
  const body = (): Record<string, unknown> => ({
    type: 'FAMILY_CARD_UPDATE',
    familyCardNumber: family.familyCardNumber,
    ...(moving ? addressBody(address) : {}),
    ...(memberChanges.length > 0 ? { memberChanges } : {}),
    reason: reason.trim(),
  });

  return (
    <ApplicationForm
      props={props}
      state={state}
      blocked={firstError(Object.values(checks))}
      body={body}
      suggested="LAINNYA"
    >
      <fieldset>
        <legend>Pindah alamat (dalam kabupaten/kota yang sama)</legend>
        <label className="checkbox">
          <input type="checkbox" checked={moving} onChange={(event) => setMoving(event.target.checked)} /> Alamat
          keluarga berubah
        </label>
        {moving ? (
          <AddressFields
            family={family}
            label="Alamat baru"
            value={address}
            set={setAddress}
            checks={checks}
            tried={state.tried}
            examples={false}
          />
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
                {CHANGE_CHOICES.map((choice) => (
                  <SelectField
                    key={choice.key}
                    label={choice.label(person)}
                    value={current[choice.key] ?? ''}
                    onValue={(value) => change(person.nik, choice.key, value)}
                    options={choice.options}
                    placeholder="— tidak berubah —"
                  />
                ))}
                <DateField
                  label="Tanggal perkawinan"
                  value={current.marriageDate ?? ''}
                  onValue={(value) => change(person.nik, 'marriageDate', value)}
                  check={checks[`marriage-${person.nik}`]}
                />
              </div>
            </details>
          );
        })}
        <GroupError check={checks['something'] ?? OK} show={state.tried} />
      </fieldset>
      <ReasonField
        label="Alasan perubahan"
        value={reason}
        onValue={setReason}
        check={checks['reason'] ?? OK}
        tried={state.tried}
      />
    </ApplicationForm>
  );
}

/** KK hilang/rusak: reissued unchanged; the old print is superseded. */
export function FamilyCardReplacementForm(props: FormProps): ReactNode {
  const { family, initial } = props;
  const [reason, setReason] = useState(str(initial?.['reason']));
  const state = useFormState();
  const check = reasonCheck(reason);
  const suggested: AttachmentKind = reason === 'RUSAK' ? 'KK_LAMA' : 'SURAT_KEHILANGAN';
  return (
    <ApplicationForm
      props={props}
      state={state}
      blocked={check.error}
      body={() => ({ type: 'FAMILY_CARD_REPLACEMENT', familyCardNumber: family.familyCardNumber, reason })}
      suggested={suggested}
    >
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
        <GroupError check={check} show={state.tried} />
      </fieldset>
    </ApplicationForm>
  );
}

export const FORMS = {
  BIRTH_REGISTRATION: BirthForm,
  FAMILY_CARD_NEW: FamilyCardNewForm,
  FAMILY_CARD_UPDATE: FamilyCardUpdateForm,
  FAMILY_CARD_REPLACEMENT: FamilyCardReplacementForm,
  DEATH_REGISTRATION: DeathRegistrationForm,
} as const;
