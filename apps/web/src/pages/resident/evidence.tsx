import { useId, useState, type ChangeEvent, type ReactNode } from 'react';
import type { AttachmentKind } from '../../api/types';
import { ATTACHMENT_KIND_LABELS } from '../../domain/labels';
import { formatSize } from '../../ui/format';

export interface PendingFile {
  key: number;
  kind: AttachmentKind;
  file: File;
}

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED = ['image/jpeg', 'image/png', 'application/pdf'];
let nextKey = 1;

/**
 * Evidence for the clerk: photos (the phone's camera too) or PDFs, at most 5 MB each. The
 * server judges files by their content; this only spares an upload that would be refused.
 */
export function EvidencePicker({
  files,
  onChange,
  suggested,
}: {
  files: PendingFile[];
  onChange: (files: PendingFile[]) => void;
  suggested: AttachmentKind;
}): ReactNode {
  const id = useId();
  const [kind, setKind] = useState<AttachmentKind>(suggested);
  const [problem, setProblem] = useState<string>();

  const add = (event: ChangeEvent<HTMLInputElement>): void => {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = '';
    const refused = chosen.find((file) => file.size > MAX_BYTES || (file.type !== '' && !ACCEPTED.includes(file.type)));
    if (refused) {
      setProblem(
        refused.size > MAX_BYTES
          ? `${refused.name} terlalu besar (maksimal 5 MB).`
          : `${refused.name} bukan foto JPEG/PNG atau PDF.`,
      );
      return;
    }
    setProblem(undefined);
    onChange([...files, ...chosen.map((file) => ({ key: nextKey++, kind, file }))]);
  };

  return (
    <fieldset className="evidence">
      <legend>Berkas persyaratan</legend>
      <p className="hint">
        Foto (JPEG/PNG) atau PDF, maksimal 5 MB per berkas. Petugas memeriksa berkas ini sebelum memverifikasi.
      </p>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Jenis berkas</label>
        <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as AttachmentKind)}>
          {Object.entries(ATTACHMENT_KIND_LABELS).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <div className="file-buttons">
        <label className="button" htmlFor={`${id}-file`}>
          Pilih berkas
        </label>
        <input
          id={`${id}-file`}
          className="visually-hidden"
          type="file"
          accept="image/jpeg,image/png,application/pdf"
          multiple
          onChange={add}
          data-testid="evidence-file"
        />
        <label className="button" htmlFor={`${id}-camera`}>
          Ambil foto
        </label>
        <input
          id={`${id}-camera`}
          className="visually-hidden"
          type="file"
          accept="image/*"
          capture="environment"
          onChange={add}
        />
      </div>
      {problem ? (
        <p className="error-text" role="alert">
          {problem}
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul className="file-list">
          {files.map((pending) => (
            <li key={pending.key}>
              <span>
                <strong>{ATTACHMENT_KIND_LABELS[pending.kind]}</strong>: {pending.file.name} (
                {formatSize(pending.file.size)})
              </span>
              <button
                type="button"
                className="button-link"
                onClick={() => onChange(files.filter((other) => other.key !== pending.key))}
              >
                Hapus<span className="visually-hidden"> {pending.file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
