/** NATS subjects of the identity service: `<service>.<entity>.<verb>` (STYLE.md rule 1). */
export const IdentityPatterns = {
  HEALTH_CHECK: 'identity.health.check',
} as const;
export type IdentityPattern = (typeof IdentityPatterns)[keyof typeof IdentityPatterns];
