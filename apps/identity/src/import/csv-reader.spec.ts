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

  it('keeps quotes inside unquoted fields as written, and reports a quote never closed by line', () => {
    const { records, faults } = readCsv('"ok",1\n5\'6" tall,2\n"bad"x,3\nfine,4\n"open,5\nmore', 10);
    expect(records).toEqual([
      { line: 10, cells: ['ok', '1'] },
      { line: 11, cells: ['5\'6" tall', '2'] },
      { line: 12, cells: ['"bad"x', '3'] },
      { line: 13, cells: ['fine', '4'] },
    ]);
    expect(faults).toEqual([{ line: 14, message: 'Tanda kutip (") tidak ditutup' }]);
  });

  it('reads `;`-separated text with a BOM and CRLF line ends', () => {
    expect(readCsv('\ufeff1;"A; B";x\r\n\r\n2;C;y\r\n', 2, ';')).toEqual({
      records: [
        { line: 2, cells: ['1', 'A; B', 'x'] },
        { line: 4, cells: ['2', 'C', 'y'] },
      ],
      faults: [],
    });
  });
});

describe('readCsv without quotes (split, not csv-parse)', () => {
  /** The same text read by csv-parse: a quote-free text with one harmless quoted cell appended. */
  function viaCsvParse(text: string, firstLine: number, delimiter: ',' | ';') {
    const marker = `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}"q"`;
    const read = readCsv(marker, firstLine, delimiter);
    return { records: read.records.slice(0, -1), faults: read.faults };
  }

  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a,b,c\r\n1,2,3\r\n', ','],
    ['\ufeffa;b\r\n\r\n;;\n x ; y \n', ';'],
    ['only\n\n\n  \nlast', ','],
    ["5'6 tall,2\r\nx\ry,3\n,\n", ','],
    ['a,b\n\r\nc,d\r\n\r\n', ','],
    ['', ','],
    ['\n', ','],
  ] as const)('reads %j exactly as csv-parse does', (text, delimiter) => {
    expect(readCsv(text, 5, delimiter)).toEqual(viaCsvParse(text, 5, delimiter));
  });
});
