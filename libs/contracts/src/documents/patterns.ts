/** NATS subjects of the documents service: `<service>.<entity>.<verb>` (STYLE.md rule 1). */
export const DocumentsPatterns = {
  HEALTH_CHECK: 'documents.health.check',
} as const;
export type DocumentsPattern = (typeof DocumentsPatterns)[keyof typeof DocumentsPatterns];
