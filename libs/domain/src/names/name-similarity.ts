import { normalizeName } from './name-normalization.js';

/**
 * Name similarity for agency verification and duplicate detection (see README for why
 * Jaro-Winkler). Scratch flags are reused across calls: verification batches compare
 * thousands of names and should not allocate per comparison.
 */

/** Agency verification reports `match` at or above this score (API.md). */
export const NAME_MATCH_THRESHOLD = 0.9;

// Winkler's constants: the common-prefix bonus counts at most 4 characters, weighs 0.1 each,
// and is only given when the strings are already similar (Jaro above 0.7).
const PREFIX_LIMIT = 4;
const PREFIX_SCALE = 0.1;
const BOOST_THRESHOLD = 0.7;

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

function scratch(lengthA: number, lengthB: number): void {
  if (flagsA.length < lengthA) flagsA = new Uint8Array(lengthA * 2);
  if (flagsB.length < lengthB) flagsB = new Uint8Array(lengthB * 2);
  flagsA.fill(0, 0, lengthA);
  flagsB.fill(0, 0, lengthB);
}

/** Jaro similarity in [0, 1]; two empty strings are identical (1). */
export function jaro(a: string, b: string): number {
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA === 0 || lengthB === 0) return lengthA === lengthB ? 1 : 0;
  const window = Math.max(Math.floor(Math.max(lengthA, lengthB) / 2) - 1, 0);
  scratch(lengthA, lengthB);

  let matches = 0;
  for (let i = 0; i < lengthA; i++) {
    const code = a.charCodeAt(i);
    const end = Math.min(i + window + 1, lengthB);
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === code) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;

  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < lengthA; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  const m = matches;
  return (m / lengthA + m / lengthB + (m - halfTranspositions / 2) / m) / 3;
}

/** Jaro-Winkler similarity in [0, 1]: Jaro with a bonus for a common beginning. */
export function jaroWinkler(a: string, b: string): number {
  const score = jaro(a, b);
  if (score <= BOOST_THRESHOLD) return score;
  const limit = Math.min(PREFIX_LIMIT, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  // min: floating-point rounding must never report more than identical.
  return Math.min(1, score + prefix * PREFIX_SCALE * (1 - score));
}

function sortedTokens(name: string): string {
  return name.split(' ').sort().join(' ');
}

/**
 * How alike two names are, in [0, 1], after {@link normalizeName}. The better of
 * Jaro-Winkler on the names as written and on their words in alphabetical order, so
 * "AMINAH SITI" matches "SITI AMINAH". A name that normalises to nothing matches nothing.
 */
export function nameSimilarity(a: string, b: string): number {
  return normalizedNameSimilarity(normalizeName(a), normalizeName(b));
}

/** {@link nameSimilarity} for names already normalised (e.g. stored that way). */
export function normalizedNameSimilarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  const asWritten = jaroWinkler(a, b);
  if (!a.includes(' ') && !b.includes(' ')) return asWritten;
  return Math.max(asWritten, jaroWinkler(sortedTokens(a), sortedTokens(b)));
}

/** Whether two names are the same person's name for verification: score ≥ 0.9. */
export function namesMatch(a: string, b: string): boolean {
  return nameSimilarity(a, b) >= NAME_MATCH_THRESHOLD;
}
