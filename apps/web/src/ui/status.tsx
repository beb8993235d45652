import type { ReactNode } from 'react';
import type { ApplicationStatus, HistoryEntry } from '../api/types';
import { STATUS_LABELS } from '../domain/labels';
import { formatDateTime } from './format';

export function StatusBadge({ status }: { status: ApplicationStatus }): ReactNode {
  return <span className={`badge badge-${status.toLowerCase().replace('_', '-')}`}>{STATUS_LABELS[status]}</span>;
}

/** Every step of an application, oldest first, with who did it and the reason they gave. */
export function Timeline({ history }: { history: HistoryEntry[] }): ReactNode {
  return (
    <ol className="timeline" aria-label="Riwayat status permohonan">
      {history.map((entry, index) => (
        <li key={index} className={`timeline-step step-${entry.to.toLowerCase().replace('_', '-')}`}>
          <div className="timeline-head">
            <StatusBadge status={entry.to} />
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          </div>
          <p className="timeline-actor">
            oleh {entry.actor === 'SYSTEM' || entry.actor === 'SISTEM' ? 'sistem' : entry.actor}
          </p>
          {entry.reason ? (
            <p className="timeline-reason">
              <span className="label">{entry.to === 'VERIFIED' ? 'Pesan untuk pemohon' : 'Alasan'}:</span>{' '}
              {entry.reason}
            </p>
          ) : null}
          {entry.internalNote ? (
            <p className="timeline-reason internal">
              <span className="label">Catatan internal untuk pejabat:</span> {entry.internalNote}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
