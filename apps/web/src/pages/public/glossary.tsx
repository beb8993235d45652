import type { ReactNode } from 'react';
import { Link } from '../../router';
import { TERMS } from '../../ui/glossary';

/** "Istilah": the words of the service explained in plain Bahasa Indonesia, for anyone. */
export function GlossaryPage(): ReactNode {
  return (
    <div className="glossary">
      <p className="lead">Arti kata-kata yang dipakai di layanan ini.</p>
      <dl>
        {Object.entries(TERMS).map(([key, entry]) => (
          <div key={key} id={key}>
            <dt>
              {entry.term}
              {'short' in entry ? <span className="glossary-short"> ({entry.short})</span> : null}
            </dt>
            <dd>{entry.explanation}</dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to="/">Kembali ke beranda</Link>
      </p>
    </div>
  );
}
