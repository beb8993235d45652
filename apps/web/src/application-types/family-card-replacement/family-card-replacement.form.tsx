// Penggantian KK hilang/rusak (API.md "Details by type": FAMILY_CARD_REPLACEMENT).
import { useState, type ReactNode } from 'react';
import type { AttachmentKind } from '../../api/types';
import { FAMILY_CARD_REPLACEMENT_REASON_LABELS } from '../../domain/labels';
import {
  ApplicationForm,
  GroupError,
  reasonCheck,
  str,
  useFormState,
  type FormProps,
} from '../../pages/resident/form-parts';

/** KK hilang/rusak: reissued unchanged; the old print is superseded. */
export function FamilyCardReplacementForm(props: FormProps<'FAMILY_CARD_REPLACEMENT'>): ReactNode {
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
