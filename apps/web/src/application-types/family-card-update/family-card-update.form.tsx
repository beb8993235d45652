// Perubahan data Kartu Keluarga (API.md "Details by type": FAMILY_CARD_UPDATE).
import { useState, type ReactNode } from 'react';
import type { Person } from '../../api/types';
import {
  BLOOD_TYPE_LABELS,
  EDUCATION_LABELS,
  MARITAL_STATUS_LABELS,
  OCCUPATION_LABELS,
  RELATIONSHIP_LABELS,
  RELIGION_LABELS,
  sentenceCase,
} from '../../domain/labels';
import { checkDate, type Check } from '../../domain/rules';
import { DateField, SelectField, TextField, firstError } from '../../ui/form';
import {
  AddressFields,
  ApplicationForm,
  GroupError,
  OK,
  ReasonField,
  addressBody,
  addressChecks,
  listOptions,
  options,
  reasonCheck,
  str,
  useAddress,
  useFormState,
  type FormProps,
  type Options,
} from '../../pages/resident/form-parts';

interface MemberChange {
  nik: string;
  education?: string;
  occupation?: string;
  maritalStatus?: string;
  marriageDate?: string;
  religion?: string;
  bloodType?: string;
  relationship?: string;
  dispensationNumber?: string;
}

/** The choices a member's data may change to, each left empty when it does not change. */
const CHANGE_CHOICES: ReadonlyArray<{
  key: 'education' | 'occupation' | 'religion' | 'bloodType' | 'relationship' | 'maritalStatus';
  label: (person: Person) => string;
  options: Options;
}> = [
  {
    key: 'education',
    label: (p) => `Pendidikan (sekarang: ${sentenceCase(p.education)})`,
    options: listOptions(EDUCATION_LABELS),
  },
  {
    key: 'occupation',
    label: (p) => `Pekerjaan (sekarang: ${sentenceCase(p.occupation)})`,
    options: listOptions(OCCUPATION_LABELS),
  },
  { key: 'religion', label: () => 'Agama', options: options(RELIGION_LABELS) },
  // The commonest request at the counter: filling in a blood type recorded as TIDAK TAHU.
  { key: 'bloodType', label: () => 'Golongan darah', options: options(BLOOD_TYPE_LABELS) },
  {
    key: 'relationship',
    label: () => 'Status hubungan dalam keluarga',
    options: options(RELATIONSHIP_LABELS).filter(([value]) => value !== 'KEPALA_KELUARGA'),
  },
  { key: 'maritalStatus', label: () => 'Status perkawinan', options: options(MARITAL_STATUS_LABELS) },
];

/**
 * Perubahan data: address within the regency, or members' education, occupation, religion, blood
 * type, relationship, marital status (with the marriage-age rule).
 */
export function FamilyCardUpdateForm(props: FormProps<'FAMILY_CARD_UPDATE'>): ReactNode {
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
    (c) =>
      c.education || c.occupation || c.religion || c.bloodType || c.relationship || c.maritalStatus || c.marriageDate,
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
                {current.maritalStatus?.startsWith('KAWIN') || current.marriageDate ? (
                  <TextField
                    label="Nomor penetapan dispensasi kawin (bila menikah di bawah 19 tahun)"
                    value={current.dispensationNumber ?? ''}
                    onValue={(value) => change(person.nik, 'dispensationNumber', value.trim())}
                    hint="Usia minimal menikah 19 tahun (UU 16/2019); di bawah itu perlu penetapan dispensasi dari pengadilan."
                  />
                ) : null}
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
