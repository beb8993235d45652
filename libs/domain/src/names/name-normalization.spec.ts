import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { normalizeName } from './name-normalization.js';

// Synthetic names.
describe('normalizeName', () => {
  it.each([
    ['siti   aminah', 'SITI AMINAH'],
    ['Hj. Siti Aminah', 'SITI AMINAH'],
    ['H. Ahmad Fauzi', 'AHMAD FAUZI'],
    ['H Ahmad Fauzi', 'AHMAD FAUZI'],
    ['H.AHMAD FAUZI', 'AHMAD FAUZI'],
    ['Prof. Dr. Ir. H. Budi Santoso, M.M.', 'BUDI SANTOSO'],
    ['dr. Rina Wulandari', 'RINA WULANDARI'],
    ['drg. Rina Wulandari', 'RINA WULANDARI'],
    ['Drs. Agus Salim', 'AGUS SALIM'],
    ['K.H. Abdul Karim', 'ABDUL KARIM'],
    ['Dewi Lestari, S.Pd.', 'DEWI LESTARI'],
    ['Dewi Lestari, S.Pd., M.M.', 'DEWI LESTARI'],
    ['Dewi Lestari,S.Pd,M.Pd', 'DEWI LESTARI'],
    ['DEWI LESTARI, SE', 'DEWI LESTARI'],
    ['Dewi Lestari S.E.', 'DEWI LESTARI'],
    ['Dewi Lestari S.H. M.H.', 'DEWI LESTARI'],
    ['Yusuf Ma’ruf', 'YUSUF MARUF'],
    ["Yusuf Ma'ruf", 'YUSUF MARUF'],
    ['Nur-Hidayah', 'NUR HIDAYAH'],
    ['Andi.Pratama', 'ANDI PRATAMA'],
    ['José Rizal', 'JOSE RIZAL'],
    ['Rahmat, Ir', 'RAHMAT'],
    ['Rahmat, Budi', 'RAHMAT BUDI'],
  ])('%p → %p', (input, normalized) => {
    expect(normalizeName(input)).toBe(normalized);
  });

  it('keeps names that only look like titles or degrees', () => {
    expect(normalizeName('Hasan Irwan')).toBe('HASAN IRWAN');
    expect(normalizeName('Drajat Ma')).toBe('DRAJAT MA');
    expect(normalizeName('Budi SE')).toBe('BUDI SE');
    expect(normalizeName('Hendra')).toBe('HENDRA');
    expect(normalizeName('Irma S.')).toBe('IRMA S');
  });

  it('normalises a name written as the registry writes it exactly as by the general steps', () => {
    // A trailing comma sends a name through the general steps and changes nothing else.
    const word = fc.oneof(
      fc.constantFrom('H', 'HJ', 'DR', 'IR', 'KH', 'PROF', 'SE', 'MA', 'SITI', 'HASAN', 'IRWAN'),
      fc.string({ unit: fc.constantFrom(...'ABDEHIKLMNRSTU'), minLength: 1, maxLength: 8 }),
    );
    const plainName = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(plainName, fc.boolean(), (name, lower) => {
        const written = lower ? name.toLowerCase() : name;
        expect(normalizeName(written)).toBe(normalizeName(`${written},`));
      }),
    );
    expect(normalizeName('H AHMAD FAUZI')).toBe('AHMAD FAUZI');
    expect(normalizeName('DR H SITI AMINAH')).toBe('SITI AMINAH');
    expect(normalizeName('H')).toBe('H');
    expect(normalizeName('SITI AMINAH')).toBe('SITI AMINAH');
  });

  it('leaves nothing when there is no name', () => {
    expect(normalizeName('')).toBe('');
    expect(normalizeName(' , S.Pd.')).toBe('');
    expect(normalizeName('H.')).toBe('');
  });
});
