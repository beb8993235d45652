// Kartu Keluarga baru (API.md "Details by type": FAMILY_CARD_NEW).
import { useState, type ReactNode } from 'react';
import { RELATIONSHIP_LABELS } from '../../domain/labels';
import { checkNik, type Check } from '../../domain/rules';
import { NumberIdField, firstError } from '../../ui/form';
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
