import { Applications1767300000000 } from './1767300000000-applications.js';
import { IdempotencyKeys1767800000000 } from './1767800000000-idempotency-keys.js';

/** Every migration of the applications database, oldest first. */
export const applicationsMigrations = [Applications1767300000000, IdempotencyKeys1767800000000];
