import { Applications1767300000000 } from './1767300000000-applications.js';
import { IdempotencyKeys1767800000000 } from './1767800000000-idempotency-keys.js';
import { ExpectedEvidence1768000000000 } from './1768000000000-expected-evidence.js';
import { InternalNotes1768100000000 } from './1768100000000-internal-notes.js';
import { VerifierPerson1768310000000 } from './1768310000000-verifier-person.js';

/** Every migration of the applications database, oldest first. */
export const applicationsMigrations = [
  Applications1767300000000,
  IdempotencyKeys1767800000000,
  ExpectedEvidence1768000000000,
  InternalNotes1768100000000,
  VerifierPerson1768310000000,
];
