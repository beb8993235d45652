import { describe, expect, it } from '@jest/globals';
import { readCsv } from './csv-reader.js';

describe('readCsv', () => {
  it('reads plain and quoted fields with the line each record starts on', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""",\n"multi\nline",2,3\n\nlast,,end';
    expect(readCsv(text, 2)).toEqual({
      records: [
        { line: 2, cells: ['a', 'b', 'c'] },
        { line: 3, cells: ['x, y', 'say "hi"', ''] },
        { line: 4, cells: ['multi\nline', '2', '3'] },
        { line: 7, cells: ['last', '', 'end'] },
      ],
      faults: [],
    });
  });

  it('reports an unterminated quote and text after a closing quote by line, and goes on', () => {
    const { records, faults } = readCsv('"ok",1\n"bad"x,2\nfine,3\n"open,4\nmore', 10);
    expect(records).toEqual([
      { line: 10, cells: ['ok', '1'] },
      { line: 12, cells: ['fine', '3'] },
    ]);
    expect(faults).toEqual([
      { line: 11, message: 'Ada karakter setelah tanda kutip penutup' },
      { line: 13, message: 'Tanda kutip (") tidak ditutup' },
    ]);
  });
});
