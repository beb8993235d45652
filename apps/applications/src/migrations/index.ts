import { Applications1767300000000 } from './1767300000000-applications.js';

/** Every migration of the applications database, oldest first. */
export const applicationsMigrations = [Applications1767300000000];
