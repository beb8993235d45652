// Kartu Keluarga baru (API.md "Details by type": FAMILY_CARD_NEW).
import { useState, type ReactNode } from 'react';
import { RELATIONSHIP_LABELS } from '../../domain/labels';
import { checkDate, checkNik, type Check } from '../../domain/rules';
import { DateField, NumberIdField, SelectField, TextField, firstError } from '../../ui/form';
import {
  AddressFields,
  ApplicationForm,
  MemberRows,
  OK,
  ReasonField,
  addressBody,
  addressChecks,
  newMemberChecks,
  options,
  reasonCheck,
  str,
  useAddress,
  useFormState,
  type FormProps,
  type NewMember,
} from '../../pages/resident/form-parts';

/** Kartu Keluarga baru: members split from their KKs into a new family with a new address. */
export function FamilyCardNewForm(props: FormProps<'FAMILY_CARD_NEW'>): ReactNode {
  const { family, account, initial } = props;
  const initialMembers = Array.isArray(initial?.['members']) ? (initial['members'] as NewMember[]) : [];
  const [headNik, setHeadNik] = useState(str(initial?.['headNik']) || (account.nik ?? ''));
  const [members, setMembers] = useState<NewMember[]>(
    initialMembers.filter((m) => m.relationship !== 'KEPALA_KELUARGA'),
  );
  const [address, setAddress] = useAddress(initial);
  const [reason, setReason] = useState(str(initial?.['reason']));
  const married = initialMembers.find((m) => m.maritalStatus !== undefined);
  const [maritalStatus, setMaritalStatus] = useState(str(married?.maritalStatus));
  const [marriageDate, setMarriageDate] = useState(str(married?.marriageDate));
  const [dispensation, setDispensation] = useState(str(married?.dispensationNumber));
  const state = useFormState();
  const hasSpouse = members.some((m) => m.relationship === 'SUAMI' || m.relationship === 'ISTRI');

  const memberChecks = newMemberChecks(members, headNik);
  const checks: Record<string, Check> = {
    headNik: checkNik(headNik),
    ...addressChecks(address),
    reason: reasonCheck(reason),
    maritalStatus: hasSpouse && maritalStatus === '' ? { error: 'Pilih status perkawinan suami istri.' } : OK,
    marriageDate:
      hasSpouse && maritalStatus === 'KAWIN_TERCATAT'
        ? marriageDate === ''
          ? { error: 'Tanggal perkawinan (sesuai buku nikah) wajib diisi.' }
          : checkDate(marriageDate)
        : OK,
  };
  /** The couple's marital status, carried by the head and each SUAMI/ISTRI. */
  const marriage = (relationship: string): Partial<NewMember> =>
    hasSpouse && maritalStatus !== '' && ['KEPALA_KELUARGA', 'SUAMI', 'ISTRI'].includes(relationship)
      ? {
          maritalStatus,
          ...(maritalStatus === 'KAWIN_TERCATAT' && marriageDate ? { marriageDate } : {}),
          ...(dispensation.trim() ? { dispensationNumber: dispensation.trim() } : {}),
        }
      : {};
  const body = (): Record<string, unknown> => ({
    type: 'FAMILY_CARD_NEW',
    headNik,
    members: [
      { nik: headNik, relationship: 'KEPALA_KELUARGA', ...marriage('KEPALA_KELUARGA') },
      ...members.map((m) => ({ nik: m.nik, relationship: m.relationship, ...marriage(m.relationship) })),
    ],
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
      {hasSpouse && (
        <fieldset>
          <legend>Perkawinan suami istri</legend>
          <SelectField
            label="Status perkawinan"
            name="members.maritalStatus"
            value={maritalStatus}
            onValue={setMaritalStatus}
            options={[
              ['KAWIN_TERCATAT', 'Kawin tercatat (punya buku nikah/akta perkawinan)'],
              ['KAWIN_BELUM_TERCATAT', 'Kawin belum tercatat (nikah siri/adat)'],
            ]}
            placeholder="— pilih —"
            check={checks['maritalStatus']}
            showError={state.tried}
            hint={
              maritalStatus === 'KAWIN_BELUM_TERCATAT'
                ? 'Lampirkan SPTJM kebenaran sebagai pasangan suami istri: surat pernyataan bahwa Anda berdua benar suami istri, bermeterai, dengan dua saksi.'
                : 'Lampirkan buku nikah atau akta perkawinan.'
            }
          />
          {maritalStatus === 'KAWIN_TERCATAT' && (
            <DateField
              label="Tanggal perkawinan"
              name="members.marriageDate"
              value={marriageDate}
              onValue={setMarriageDate}
              check={checks['marriageDate']}
              showError={state.tried}
            />
          )}
          <TextField
            label="Nomor penetapan dispensasi kawin (hanya bila menikah di bawah 19 tahun)"
            name="members.dispensationNumber"
            value={dispensation}
            onValue={setDispensation}
            hint="Usia minimal menikah 19 tahun (UU 16/2019); di bawah itu perlu penetapan dispensasi dari pengadilan."
          />
        </fieldset>
      )}
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
