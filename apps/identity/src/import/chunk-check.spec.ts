import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { checkChunk, STAGE_COLUMNS } from './chunk-check.js';
import { readImportHeader } from './import-layout.js';
import { IMPORT_COLUMNS } from './resident-row.js';
import { SYNTHETIC_IMPORT_ROW } from './testing/import-rows.js';

const good = SYNTHETIC_IMPORT_ROW;
const line = (values: Record<string, string>): string => IMPORT_COLUMNS.map((c) => values[c] ?? '').join(',');
const api = readImportHeader(IMPORT_COLUMNS.join(','));

describe('checkChunk', () => {
  it('gives each valid row its line, keys, regency and COPY line, and each bad one its errors', () => {
    const text = [
      line(good),
      line({ ...good, nik: '123' }),
      '',
      line({ ...good, nik: '1602054101900002', passportNumber: 'b1234567' }),
      line({ ...good, nik: '1602054101900003', address: 'JL.\\TIMUR' }),
    ].join('\r\n');
    const checked = checkChunk({ layout: api, text, firstLine: 10 });

    expect(checked.lines).toEqual([10, 13]);
    expect(checked.niks).toEqual(['1602054101900001', '1602054101900002']);
    expect(checked.familyCardNumbers).toEqual(['1602050505120001', '1602050505120001']);
    expect(checked.villageCodes).toEqual(['16.02.05.1002', '16.02.05.1002']);
    expect(checked.regencyCodes).toEqual(['16.02', '16.02']);
    expect(checked.withoutPostalCode).toEqual([false, false]);
    expect(checked.rejections).toEqual([
      { line: 11, errors: [expect.objectContaining({ field: 'nik' })] },
      { line: 14, errors: [expect.objectContaining({ field: 'address' })] },
    ]);

    // One COPY line per row, a value per staging column: canonical values, NULL as \N.
    const [first, second] = checked.copyLines.map((copy) => copy.slice(0, -1).split('\t'));
    expect(checked.copyLines.every((copy) => copy.endsWith('\n'))).toBe(true);
    expect(first).toHaveLength(STAGE_COLUMNS.length);
    const value = (cells: string[], column: string): string | undefined => cells[STAGE_COLUMNS.indexOf(column)];
    expect(value(first, 'line')).toBe('10');
    expect(value(first, 'full_name')).toBe('SITI AMINAH');
    expect(value(first, 'education')).toBe('SLTA/SEDERAJAT');
    expect(value(first, 'rt')).toBe('003');
    expect(value(first, 'passport_number')).toBe('\\N');
    expect(value(second, 'passport_number')).toBe('B1234567');
  });

  it('reads quoted CSV and reports an unreadable record on its line', () => {
    const quoted = line({ ...good, address: '"JL. MERDEKA, NO. 1"' });
    const checked = checkChunk({ layout: api, text: `${quoted}\n"unclosed,${line(good)}`, firstLine: 2 });
    expect(checked.lines).toEqual([2]);
    expect(checked.copyLines[0]).toContain('\tJL. MERDEKA, NO. 1\t');
    expect(checked.rejections).toEqual([{ line: 3, errors: [{ field: 'row', message: expect.any(String) }] }]);
  });

  it('marks the rows of a SIAK export, which carry no postal code, and reads their names in the regency', () => {
    const sample = readFileSync(new URL('../../../../docs/samples/siak-export-oki.csv', import.meta.url), 'utf8');
    const end = sample.indexOf('\n');
    const layout = readImportHeader(sample.slice(0, end).replace(/\r$/, ''));
    const checked = checkChunk({ layout, text: sample.slice(end + 1), firstLine: 2, regencyCode: '16.02' });
    expect(checked.lines.length).toBeGreaterThan(0);
    expect(checked.withoutPostalCode.every(Boolean)).toBe(true);
    expect(checked.copyLines[0].slice(0, -1).split('\t').at(-1)).toBe('\\N');
    expect(new Set(checked.regencyCodes)).toEqual(new Set(['16.02']));
  });
});
