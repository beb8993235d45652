import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  dateToWords,
  formatIndonesianDate,
  MAX_NUMBER_IN_WORDS,
  numberToWords,
  ordinalToWords,
  parseIndonesianDate,
} from './indonesian-words.js';

describe('numbers in Indonesian words', () => {
  it.each([
    [0, 'NOL'],
    [1, 'SATU'],
    [10, 'SEPULUH'],
    [11, 'SEBELAS'],
    [12, 'DUA BELAS'],
    [19, 'SEMBILAN BELAS'],
    [20, 'DUA PULUH'],
    [25, 'DUA PULUH LIMA'],
    [100, 'SERATUS'],
    [111, 'SERATUS SEBELAS'],
    [245, 'DUA RATUS EMPAT PULUH LIMA'],
    [1000, 'SERIBU'],
    [1945, 'SERIBU SEMBILAN RATUS EMPAT PULUH LIMA'],
    [2000, 'DUA RIBU'],
    [2026, 'DUA RIBU DUA PULUH ENAM'],
    [11_000, 'SEBELAS RIBU'],
    [100_000, 'SERATUS RIBU'],
    [1_000_000, 'SATU JUTA'],
    [1_001_000, 'SATU JUTA SERIBU'],
    [2_500_000_000, 'DUA MILIAR LIMA RATUS JUTA'],
    [1_000_000_000_001, 'SATU TRILIUN SATU'],
    [
      MAX_NUMBER_IN_WORDS,
      'SEMBILAN RATUS SEMBILAN PULUH SEMBILAN TRILIUN SEMBILAN RATUS SEMBILAN PULUH SEMBILAN MILIAR SEMBILAN RATUS SEMBILAN PULUH SEMBILAN JUTA SEMBILAN RATUS SEMBILAN PULUH SEMBILAN RIBU SEMBILAN RATUS SEMBILAN PULUH SEMBILAN',
    ],
  ])('writes %i as %s', (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  it('never writes "satu ratus", "satu puluh", a lone "satu ribu" or stray spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_NUMBER_IN_WORDS }), (n) => {
        const words = numberToWords(n);
        // 21 000 is "DUA PULUH SATU RIBU", but 1 000 is "SERIBU".
        expect(words).not.toMatch(/SATU (RATUS|PULUH|BELAS)|(^|(JUTA|MILIAR|TRILIUN) )SATU RIBU| {2}|^ | $/);
        expect(words).toMatch(/^[A-Z ]+$/);
      }),
    );
  });

  it.each([-1, 1.5, MAX_NUMBER_IN_WORDS + 1, Number.NaN])('refuses %p', (n) => {
    expect(() => numberToWords(n)).toThrow(expect.objectContaining({ code: 'NUMBER.OUT_OF_RANGE' }));
    expect(() => numberToWords(n)).toThrow('Hanya bilangan bulat dari 0 sampai 999.999.999.999.999');
  });

  it('writes the birth order as the akta prints it', () => {
    expect(`anak ${ordinalToWords(2)}`).toBe('anak ke-DUA');
    expect(ordinalToWords(1)).toBe('ke-SATU');
    expect(ordinalToWords(12)).toBe('ke-DUA BELAS');
    expect(() => ordinalToWords(0)).toThrow(expect.objectContaining({ code: 'NUMBER.OUT_OF_RANGE' }));
  });
});

describe('dates in Indonesian', () => {
  it('writes a birth date in words', () => {
    expect(dateToWords('2026-01-25')).toBe('DUA PULUH LIMA JANUARI DUA RIBU DUA PULUH ENAM');
    expect(dateToWords('1999-12-01')).toBe('SATU DESEMBER SERIBU SEMBILAN RATUS SEMBILAN PULUH SEMBILAN');
    expect(() => dateToWords('2026-02-30')).toThrow(expect.objectContaining({ code: 'DATE.INVALID' }));
  });

  it('formats the two Indonesian date styles', () => {
    expect(formatIndonesianDate('2026-01-25', 'numeric')).toBe('25-01-2026');
    expect(formatIndonesianDate('2026-01-25')).toBe('25 Januari 2026');
    expect(formatIndonesianDate('2026-08-05', 'long')).toBe('5 Agustus 2026');
  });

  it.each([
    ['25-01-2026', '2026-01-25'],
    ['25/01/2026', '2026-01-25'],
    [' 25 Januari 2026 ', '2026-01-25'],
    ['5 AGUSTUS 2026', '2026-08-05'],
    ['29 februari 2024', '2024-02-29'],
    ['29-02-2023', undefined],
    ['25-01/2026', undefined],
    ['2026-01-25', undefined],
    ['25 Janvier 2026', undefined],
    ['25 Januari 26', undefined],
    ['125 Januari 2026', undefined],
    ['Januari 2026', undefined],
    ['xx-01-2026', undefined],
    ['01-01-0000', undefined],
  ])('reads %p as %p', (text, iso) => {
    expect(parseIndonesianDate(text)).toBe(iso);
  });

  it('reads back what it formats', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(parseIndonesianDate(formatIndonesianDate(iso, 'numeric'))).toBe(iso);
          expect(parseIndonesianDate(formatIndonesianDate(iso, 'long'))).toBe(iso);
        },
      ),
    );
  });
});
