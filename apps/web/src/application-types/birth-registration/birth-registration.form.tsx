// Pencatatan kelahiran (API.md "Details by type": BIRTH_REGISTRATION), checked as the person types.
import type { ReactNode } from 'react';
import type { Person } from '../../api/types';
import {
  BIRTH_ATTENDANT_LABELS,
  BIRTH_PLACE_KIND_LABELS,
  BIRTH_TYPE_LABELS,
  RELIGION_LABELS,
  SEX_LABELS,
} from '../../domain/labels';
import { checkDate, checkNik, checkRequired } from '../../domain/rules';
import { newRecordNameProblem } from '../../../../../libs/domain/src/names/new-record-name.js';
import { DateField, NumberIdField, SelectField, TextField, firstError } from '../../ui/form';
import { TERMS } from '../../ui/glossary';
import {
  ApplicationForm,
  ChoiceField,
  OK,
  options,
  str,
  useFormState,
  useValues,
  type FormProps,
  type Options,
} from '../../pages/resident/form-parts';

/** A birth attended by a dukun or another helper may come without a surat keterangan lahir. */
const WITHOUT_LETTER = ['DUKUN', 'LAINNYA'];

function memberOptions(members: Person[], filter: (person: Person) => boolean): Options {
  return members.filter(filter).map((person) => [person.nik, `${person.fullName} (${person.nik})`] as const);
}

/** Pencatatan kelahiran. */
export function BirthForm(props: FormProps<'BIRTH_REGISTRATION'>): ReactNode {
  const { family, initial } = props;
  const child = (initial?.['child'] ?? {}) as Record<string, unknown>;
  // Any active woman or man of the KK may be a parent (a daughter's child joins as CUCU); the
  // head's household comes first, as the usual case.
  const usual = (p: Person): number => (['ISTRI', 'SUAMI', 'KEPALA_KELUARGA'].includes(p.relationship ?? '') ? 0 : 1);
  const mothers = family.members
    .filter((p) => p.sex === 'PEREMPUAN' && p.status === 'ACTIVE')
    .sort((a, b) => usual(a) - usual(b));
  const fathers = family.members
    .filter((p) => p.sex === 'LAKI_LAKI' && p.status === 'ACTIVE')
    .sort((a, b) => usual(a) - usual(b));
  /** The mother's children on record, to suggest the child's order of birth. */
  const siblingsOf = (motherNik: string): number => {
    const mother = family.members.find((p) => p.nik === motherNik);
    return mother ? family.members.filter((p) => p.nik !== mother.nik && p.motherName === mother.fullName).length : 0;
  };
  const witnesses = Array.isArray(initial?.['witnessNiks']) ? initial['witnessNiks'] : [];
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
    fatherNik: initial ? str(initial['fatherNik']) : (fathers.find((p) => usual(p) === 0)?.nik ?? ''),
    motherNik: initialMotherNik,
    birthOrder: str(child['birthOrder']) || String(siblingsOf(initialMotherNik) + 1),
    birthLetterNumber: str(initial?.['birthLetterNumber']),
    witness1: witnesses[0] ?? '',
    witness2: witnesses[1] ?? '',
  });
  const mother = family.members.find((p) => p.nik === v.motherNik);
  const father = family.members.find((p) => p.nik === v.fatherNik);
  const letterOptional = WITHOUT_LETTER.includes(v.attendant);
  const siblings = siblingsOf(v.motherNik);
  const state = useFormState();
  const { tried } = state;

  const lengthNumber = Number(v.length.replace(',', '.'));
  const noWitnesses = v.witness1 === '' && v.witness2 === '';
  const checks = {
    fullName:
      v.fullName.trim() === ''
        ? { error: 'Nama anak wajib diisi.' }
        : ((error) => (error === undefined ? OK : { error: `${error}.` }))(
            newRecordNameProblem(v.fullName.trim().replace(/\s+/g, ' ')),
          ),
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
    fatherNik: v.fatherNik === '' ? OK : checkNik(v.fatherNik),
    motherNik: checkNik(v.motherNik),
    birthLetterNumber:
      letterOptional && v.birthLetterNumber.trim() === ''
        ? OK
        : checkRequired(v.birthLetterNumber, 'Nomor surat keterangan lahir'),
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
      fullName: v.fullName.trim().replace(/\s+/g, ' ').toUpperCase(),
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
    ...(v.fatherNik ? { fatherNik: v.fatherNik } : {}),
    motherNik: v.motherNik,
    ...(v.birthLetterNumber.trim() ? { birthLetterNumber: v.birthLetterNumber.trim() } : {}),
    ...(v.witness1 && v.witness2 ? { witnessNiks: [v.witness1, v.witness2] } : {}),
  });

  return (
    <ApplicationForm
      props={props}
      state={state}
      blocked={firstError(Object.values(checks))}
      body={body}
      suggested={
        v.birthLetterNumber.trim() === '' && letterOptional ? 'SPTJM_DATA_KELAHIRAN' : 'SURAT_KETERANGAN_LAHIR'
      }
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
          label="Ibu"
          {...field('motherNik')}
          options={memberOptions(mothers, () => true)}
          placeholder="— pilih ibu —"
          showError={tried}
        />
        <SelectField
          label="Ayah (tidak wajib)"
          {...field('fatherNik')}
          options={[['', 'Tidak dicantumkan (akta hanya memuat nama ibu)'], ...memberOptions(fathers, () => true)]}
          showError={tried}
        />
        <ParentsExplanation father={father} mother={mother} />
      </fieldset>
      <fieldset>
        <legend>Surat keterangan lahir dan saksi</legend>
        <TextField
          label={letterOptional ? 'Nomor surat keterangan lahir (jika ada)' : 'Nomor surat keterangan lahir'}
          {...field('birthLetterNumber')}
          showError={tried}
          hint={
            letterOptional
              ? 'Lahir di rumah dengan dukun dan tidak ada surat keterangan lahir? Kosongkan, lalu lampirkan SPTJM kebenaran data kelahiran: surat pernyataan orang tua, ditandatangani di atas meterai dengan dua saksi, bahwa data kelahiran ini benar.'
              : 'Dari rumah sakit, puskesmas, atau bidan.'
          }
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

/**
 * What the akta will say about the parents and which evidence the officer will ask for, in plain
 * words (DOMAIN.md "Parents on the birth record"); the rules at submission decide the same.
 */
function ParentsExplanation({ father, mother }: { father?: Person; mother?: Person }): ReactNode {
  if (mother === undefined) return null;
  let text: string;
  if (father === undefined) {
    text = 'Tanpa nama ayah, akta kelahiran hanya memuat nama ibu ("… dari ibu …").';
  } else if (father.maritalStatus === 'KAWIN_TERCATAT' && mother.maritalStatus === 'KAWIN_TERCATAT') {
    text = 'Perkawinan orang tua tercatat: lampirkan buku nikah atau akta perkawinan.';
  } else {
    text =
      `Perkawinan ayah dan ibu belum tercatat di ${TERMS.populationData.term}: lampirkan ${TERMS.sptjm.short} kebenaran sebagai pasangan suami istri ` +
      '(surat pernyataan bahwa keduanya benar suami istri, ditandatangani di atas meterai dengan dua saksi). Akta akan memuat ' +
      'kalimat "yang perkawinannya belum tercatat sesuai dengan ketentuan peraturan perundang-undangan".';
  }
  return (
    <p className="hint" data-testid="parents-explanation">
      {text}
    </p>
  );
}
