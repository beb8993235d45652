import type { StreamDefinition } from '../events/streams.js';

/**
 * The access log's chain head, anchored outside identity's database (issue #13): identity signs
 * `{ seq, headHash, at }` every ACCESS_LOG_ANCHOR_INTERVAL_SECONDS and publishes it here; only
 * identity may publish (scripts/nats-config.mjs). `npm run audit:verify` checks the chain in the
 * database against these anchors, so a rewritten or truncated chain no longer passes.
 */
export const AUDIT_ANCHOR_SUBJECT = 'audit.anchor.access-log';
export const AUDIT_ANCHORS_STREAM = {
  name: 'AUDIT_ANCHORS',
  subjects: [AUDIT_ANCHOR_SUBJECT],
} as const satisfies StreamDefinition;

/** What is signed: the canonical JSON of these three fields, in this order. */
export interface AnchorStatement {
  seq: string;
  headHash: string;
  /** ISO 8601 UTC. */
  at: string;
}

/** One anchor as published: the statement, its Ed25519 signature (base64url) and the key id. */
export interface SignedAnchor extends AnchorStatement {
  keyId: string;
  signature: string;
}
