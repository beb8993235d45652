import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  jaro,
  jaroWinkler,
  NAME_MATCH_THRESHOLD,
  nameSimilarity,
  namesMatch,
  normalizedNameSimilarity,
} from './name-similarity.js';

describe('Jaro and Jaro-Winkler', () => {
  it.each([
    // The textbook pairs (Winkler 1990).
    ['MARTHA', 'MARHTA', 0.944, 0.961],
    ['DWAYNE', 'DUANE', 0.822, 0.84],
    ['DIXON', 'DICKSONX', 0.767, 0.813],
  ])('scores %s / %s', (a, b, j, jw) => {
    expect(jaro(a, b)).toBeCloseTo(j, 3);
    expect(jaroWinkler(a, b)).toBeCloseTo(jw, 3);
  });

  it('handles empty and unrelated strings', () => {
    expect(jaro('', '')).toBe(1);
    expect(jaro('ABC', '')).toBe(0);
    expect(jaro('ABC', 'XYZ')).toBe(0);
    expect(jaroWinkler('A', 'A')).toBe(1);
  });

  it('gives no prefix bonus to strings that are not already alike', () => {
    // Jaro ≤ 0.7: the shared prefix does not lift the score.
    expect(jaroWinkler('ABCDWXYZ', 'ABCDPQRS')).toBe(jaro('ABCDWXYZ', 'ABCDPQRS'));
  });

  it('reuses its scratch space for long strings', () => {
    const long = 'A'.repeat(500);
    expect(jaroWinkler(long, `${long}B`)).toBeGreaterThan(0.99);
    expect(jaroWinkler('SITI', 'SITI')).toBe(1);
  });

  it('is symmetric, in [0, 1], and 1 exactly for equal strings', () => {
    const name = fc.string({ unit: fc.constantFrom(...'ABDEHIKLMNRSTU '), maxLength: 30 });
    fc.assert(
      fc.property(name, name, (a, b) => {
        const score = jaroWinkler(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(jaroWinkler(b, a)).toBeCloseTo(score, 12);
        expect(jaroWinkler(a, a)).toBe(1);
      }),
    );
  });
});

describe('name similarity', () => {
  it.each([
    ['Hj. Siti Aminah, S.Pd.', 'SITI AMINAH', true],
    ['siti aminah', 'SITI  AMINAH', true],
    ['AMINAH SITI', 'SITI AMINAH', true],
    ['SITI AMINAH', 'SITI AMINA', true],
    ['MUHAMMAD RIZKI', 'MUHAMAD RIZKI', true],
    ['SITI AMINAH', 'SITI RAHMAWATI', false],
    ['BUDI SANTOSO', 'AGUS SALIM', false],
    ['RINA', 'RINI', false],
    // Jaro-Winkler forgives a swapped pair of letters: a typing slip, not another person.
    ['RINA', 'RIAN', true],
  ])('%p vs %p: match %s', (a, b, match) => {
    expect(namesMatch(a, b)).toBe(match);
    expect(nameSimilarity(a, b) >= NAME_MATCH_THRESHOLD).toBe(match);
  });

  it('scores identical names 1 and empty names 0', () => {
    expect(nameSimilarity('Dr. Budi', 'BUDI')).toBe(1);
    expect(nameSimilarity('', 'BUDI')).toBe(0);
    expect(nameSimilarity(', S.Pd.', ', S.Pd.')).toBe(0);
    expect(normalizedNameSimilarity('BUDI', 'BUDI')).toBe(1);
    expect(normalizedNameSimilarity('BUDI', 'BUDY')).toBeCloseTo(jaroWinkler('BUDI', 'BUDY'), 12);
  });
});
