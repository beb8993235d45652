/** NATS subjects of the applications service: `<service>.<entity>.<verb>` (STYLE.md rule 1). */
export const ApplicationsPatterns = {
  HEALTH_CHECK: 'applications.health.check',
} as const;
export type ApplicationsPattern = (typeof ApplicationsPatterns)[keyof typeof ApplicationsPatterns];
