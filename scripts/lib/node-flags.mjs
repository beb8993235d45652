// Node.js flags an app runs with, wherever it is started: `npm start` (scripts/start.mjs),
// docker-compose.yml (checked by scripts/docker-compose.spec.ts) and `npm run bench:verify`.
//
// identity: a larger young generation. A batch of 1,000 checks lives across two database round
// trips, so with the default semi-space (16 MB) most of its objects were copied out of the
// young generation and later collected by a full mark-compact; garbage collection was 16–19 % of
// identity's profile. With 32 MB, identity's CPU per batch NIK fell by 12 % (0.0121 → 0.0107 ms,
// three alternating pairs of `bench:verify` (b), docs/benchmarks.md), for ≈ 32 MB more memory.
/** @type {Record<string, string[]>} */
export const NODE_FLAGS = {
  identity: ['--max-semi-space-size=32'],
};
