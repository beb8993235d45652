import { IssuedDocuments1767300000000 } from './1767300000000-issued-documents.js';
import { DeathCertificates1767700000000 } from './1767700000000-death-certificates.js';

/** Every migration of the documents database, oldest first. */
export const documentsMigrations = [IssuedDocuments1767300000000, DeathCertificates1767700000000];
