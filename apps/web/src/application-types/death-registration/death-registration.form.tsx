// Pencatatan kematian (API.md "Details by type": DEATH_REGISTRATION). A family member reports the
// death of another member; when the head died, the form asks who heads the family now.
import type { ReactNode } from 'react';
import type { Person } from '../../api/types';
import { checkDate, checkNik, checkRequired, todayIso, type Check } from '../../domain/rules';
import { DateField, NumberIdField, SelectField, TextField, firstError } from '../../ui/form';
import {
  ApplicationForm,
  ChoiceField,
  OK,
  str,
  useFormState,
  useValues,
  type FormProps,
  type Options,
} from '../../pages/resident/form-parts';
import { DEATH_CAUSE_LABELS, DEATH_CERTIFIER_LABELS } from '../../domain/labels';
import { isAdult } from '../../../../../libs/domain/src/application-types/death-registration/death-registration.rules.js';

const personOptions = (people: Person[]): Options =>
  people.map((person) => [person.nik, `${person.fullName} (${person.nik})`] as const);

const heads = (family: FormProps['family'], person: Person | undefined): boolean =>
  person !== undefined && (family.headNik === person.nik || person.relationship === 'KEPALA_KELUARGA');

export function DeathRegistrationForm(props: FormProps<'DEATH_REGISTRATION'>): ReactNode {
  const { family, account, initial } = props;
  const witnesses = initial?.witnessNiks ?? [];
  const [v, set] = useValues({
    deceasedNik: str(initial?.deceasedNik),
    dateOfDeath: str(initial?.dateOfDeath),
    timeOfDeath: str(initial?.timeOfDeath),
    placeOfDeath: str(initial?.placeOfDeath),
    cause: str(initial?.cause),
    certifiedBy: str(initial?.certifiedBy),
    deathLetterNumber: str(initial?.deathLetterNumber),
    newHeadNik: str(initial?.newHeadNik),
    witness1: witnesses[0] ?? '',
    witness2: witnesses[1] ?? '',
  });
  const state = useFormState();
  const { tried } = state;
  const today = todayIso();
  // The applicant reports someone else's death: every other active member may be the one.
  const reportable = family.members.filter((p) => p.status === 'ACTIVE' && p.nik !== account.nik);
  const deceased = family.members.find((p) => p.nik === v.deceasedNik);
  const headDied = heads(family, deceased);
  const candidates = family.members.filter(
    (p) =>
      p.status === 'ACTIVE' &&
      p.nik !== v.deceasedNik &&
      isAdult({ birthDate: p.birthDate, maritalStatus: p.maritalStatus }, today),
  );
  const noWitnesses = v.witness1 === '' && v.witness2 === '';

  const dateCheck = (): Check => {
    const date = checkDate(v.dateOfDeath);
    if (date.error || !deceased) return date;
    return v.dateOfDeath < deceased.birthDate ? { error: 'Tanggal kematian tidak boleh sebelum tanggal lahir.' } : OK;
  };
  const checks = {
    deceasedNik: v.deceasedNik ? OK : { error: 'Pilih anggota keluarga yang meninggal.' },
    dateOfDeath: dateCheck(),
    timeOfDeath: OK,
    placeOfDeath: checkRequired(v.placeOfDeath, 'Tempat meninggal'),
    cause: checkRequired(v.cause, 'Sebab kematian'),
    certifiedBy: checkRequired(v.certifiedBy, 'Yang menerangkan'),
    deathLetterNumber: checkRequired(v.deathLetterNumber, 'Nomor surat keterangan kematian'),
    newHeadNik: !headDied || v.newHeadNik ? OK : { error: 'Pilih anggota keluarga yang menjadi kepala keluarga.' },
    // Witnesses are optional, but come in pairs: one NIK alone asks for the other, under the empty one.
    witness1: noWitnesses
      ? OK
      : v.witness1 === ''
        ? { error: 'Isi juga NIK saksi pertama, atau kosongkan kedua NIK saksi.' }
        : checkNik(v.witness1),
    witness2: noWitnesses
      ? OK
      : v.witness2 === ''
        ? { error: 'Isi juga NIK saksi kedua, atau kosongkan kedua NIK saksi.' }
        : v.witness2 === v.witness1
          ? { error: 'Dua saksi harus orang yang berbeda.' }
          : checkNik(v.witness2),
  };
  /** A field's name in the body, its value and its check. */
  const field = (key: keyof typeof v) => ({
    name: key,
    value: v[key],
    onValue: set(key),
    check: checks[key],
  });

  const body = (): Record<string, unknown> => ({
    type: 'DEATH_REGISTRATION',
    familyCardNumber: family.familyCardNumber,
    deceasedNik: v.deceasedNik,
    dateOfDeath: v.dateOfDeath,
    ...(v.timeOfDeath ? { timeOfDeath: v.timeOfDeath } : {}),
    placeOfDeath: v.placeOfDeath.trim().toUpperCase(),
    cause: v.cause,
    certifiedBy: v.certifiedBy,
    deathLetterNumber: v.deathLetterNumber.trim(),
    ...(headDied && v.newHeadNik ? { newHeadNik: v.newHeadNik } : {}),
    ...(v.witness1 && v.witness2 ? { witnessNiks: [v.witness1, v.witness2] } : {}),
  });

  return (
    <ApplicationForm
      props={props}
      state={state}
      blocked={firstError(Object.values(checks))}
      body={body}
      suggested="SURAT_KETERANGAN_KEMATIAN"
    >
      <fieldset>
        <legend>Yang meninggal (anggota Kartu Keluarga {family.familyCardNumber})</legend>
        <SelectField
          label="Nama anggota keluarga"
          {...field('deceasedNik')}
          options={personOptions(reportable)}
          placeholder="— pilih anggota keluarga —"
          showError={tried}
        />
        {headDied ? (
          <SelectField
            label="Kepala keluarga baru"
            {...field('newHeadNik')}
            options={personOptions(candidates)}
            placeholder="— pilih kepala keluarga baru —"
            showError={tried}
            hint="Yang meninggal adalah kepala keluarga. Pilih anggota yang sudah dewasa (17 tahun atau sudah/pernah kawin)."
          />
        ) : null}
      </fieldset>
      <fieldset>
        <legend>Keterangan kematian</legend>
        <div className="two-columns">
          <DateField label="Tanggal meninggal" {...field('dateOfDeath')} showError={tried || v.dateOfDeath !== ''} />
          <TextField label="Pukul (tidak wajib)" type="time" {...field('timeOfDeath')} />
        </div>
        <TextField
          label="Tempat meninggal (kota/kabupaten)"
          {...field('placeOfDeath')}
          showError={tried}
          autoComplete="off"
        />
        <div className="two-columns">
          <ChoiceField label="Sebab kematian" labels={DEATH_CAUSE_LABELS} tried={tried} {...field('cause')} />
          <ChoiceField
            label="Yang menerangkan"
            labels={DEATH_CERTIFIER_LABELS}
            tried={tried}
            {...field('certifiedBy')}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Surat keterangan kematian dan saksi</legend>
        <TextField
          label="Nomor surat keterangan kematian"
          {...field('deathLetterNumber')}
          showError={tried}
          hint="Dari rumah sakit, atau surat keterangan kepala desa/lurah."
        />
        <p className="hint">Saksi tidak wajib. Jika diisi, isi NIK dua orang saksi.</p>
        <div className="two-columns">
          <NumberIdField label="NIK saksi 1" {...field('witness1')} showError={tried} />
          <NumberIdField label="NIK saksi 2" {...field('witness2')} showError={tried} />
        </div>
      </fieldset>
    </ApplicationForm>
  );
}
