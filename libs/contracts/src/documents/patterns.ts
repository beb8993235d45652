/** NATS subjects of the documents service: `<service>.<entity>.<verb>` (STYLE.md rule 1). */
export const DocumentsPatterns = {
  HEALTH_CHECK: 'documents.health.check',
  DOCUMENT_GET: 'documents.document.get',
  DOCUMENT_FILE_READ: 'documents.document-file.read',
  DOCUMENT_REVOKE: 'documents.document.revoke',
  PUBLIC_VERIFY: 'documents.public.verify',
} as const;
export type DocumentsPattern = (typeof DocumentsPatterns)[keyof typeof DocumentsPatterns];
