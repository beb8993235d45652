import type { ReactNode } from 'react';
import type { Application } from '../../api/types';
import { detailRowsOf } from '../../application-types/application-types.registry';

/** The details of an application as its type lays them out (application-types/<type>/). */
export function ApplicationDetails({ application }: { application: Application }): ReactNode {
  return (
    <dl className="facts details">
      {detailRowsOf(application).map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
