import type { ReactNode } from 'react';
import { get } from '../../api/client';
import type { Application, Page } from '../../api/types';
import { TYPE_SHORT_LABELS } from '../../domain/labels';
import { Link } from '../../router';
import { ErrorBox } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { StatusBadge } from '../../ui/status';
import { useLoad } from '../../ui/use-load';

export function MyApplicationsPage(): ReactNode {
  const list = useLoad(() => get<Page<Application>>('/applications?limit=100'), []);
  if (list.loading) return <p aria-live="polite">Memuat permohonan…</p>;
  if (list.error || !list.data) return <ErrorBox error={list.error} />;
  if (list.data.items.length === 0)
    return (
      <p>
        Anda belum mengajukan permohonan. <Link to="/permohonan/baru">Ajukan permohonan</Link>
      </p>
    );
  return (
    <ul className="application-list">
      {list.data.items.map((application) => (
        <li key={application.id} className="card application-item">
          <Link to={`/permohonan/${application.id}`} className="application-link">
            <span className="application-number mono">{application.number}</span>
            <span className="application-type">{TYPE_SHORT_LABELS[application.type]}</span>
          </Link>
          <div className="application-meta">
            <StatusBadge status={application.status} />
            <span>Diperbarui {formatDateTime(application.updatedAt)}</span>
          </div>
          {application.status === 'REVISION_REQUESTED' ? (
            <p className="action-hint">
              <Link to={`/permohonan/${application.id}/perbaiki`}>Perbaiki dan ajukan kembali</Link>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
