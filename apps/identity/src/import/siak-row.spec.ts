import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readCsv } from './csv-reader.js';
import { readImportHeader } from './import-layout.js';
import { validateResidentRow, type ResidentRow } from './resident-row.js';
import { siakFieldErrors, siakRowToImport } from './siak-row.js';

// The synthetic SIAK export of docs/samples (OKI, 16.02): `;`-separated with a BOM, as Excel set
// to Indonesian saves it.
const sample = readFileSync(new URL('../../../../docs/samples/siak-export-oki.csv', import.meta.url), 'utf8');
const [headerLine] = sample.split('\r\n');
const layout = readImportHeader(headerLine);
const headers = layout.format === 'siak' ? layout.headers : [];
const { records } = readCsv(sample.slice(sample.indexOf('\n') + 1), 2, ';');

function validate(cells: string[], line: number, regency = '16.02') {
  const converted = siakRowToImport(headers, cells, regency);
  if (!converted.ok) return converted;
  const result = validateResidentRow(converted.columns, converted.cells, line, { postalCodeOptional: true });
  return result.ok ? result : { ok: false as const, errors: siakFieldErrors(result.errors) };
}

const rowAt = (line: number): string[] => [...(records.find((r) => r.line === line)?.cells ?? [])];
const set = (cells: string[], header: string, value: string): string[] => {
  const copy = [...cells];
  copy[headers.indexOf(header)] = value;
  return copy;
};

describe('SIAK export rows', () => {
  it('recognises the 37 SIAK headers and the `;` delimiter', () => {
    expect(layout.format).toBe('siak');
    expect(layout.delimiter).toBe(';');
    expect(headers).toHaveLength(37);
    expect(records).toHaveLength(9);
  });

  it('turns every sample row into a valid registry row: labels, dates, names resolved to codes', () => {
    const rows = records.map((record) => validate(record.cells, record.line));
    expect(rows.filter((r) => !r.ok)).toEqual([]);
    const byNik = new Map(rows.map((r) => [(r as { row: ResidentRow }).row.nik, (r as { row: ResidentRow }).row]));
    expect(byNik.get('1602051207800021')).toMatchObject({
      line: 2,
      fullName: 'BUDI SANTOSO',
      sex: 'LAKI_LAKI',
      birthDate: '1980-07-12',
      maritalStatus: 'KAWIN_TERCATAT', // "KAWIN" with a marriage deed number
      marriageDate: '2005-08-20',
      relationship: 'KEPALA_KELUARGA',
      education: 'SLTA/SEDERAJAT',
      occupation: 'PETANI/PEKEBUN',
      bloodType: 'O',
      citizenship: 'WNI',
      status: 'ACTIVE',
      familyCardNumber: '1602051503150007',
      villageCode: '16.02.05.1002',
      regencyCode: '16.02',
      rt: '003',
      rw: '002',
      postalCode: null,
    });
    expect(byNik.get('1602054903190001')).toMatchObject({
      education: 'TIDAK/BELUM SEKOLAH',
      villageCode: '16.02.05.1003',
    });
    expect(byNik.get('1602036204500003')).toMatchObject({ status: 'DECEASED', relationship: 'ORANG_TUA' });
  });

  it('takes a postal code from an added "Kode Pos" column, and ignores empty columns Excel adds', () => {
    const extended = readImportHeader(`${headerLine};kode pos;;`);
    expect(extended).toMatchObject({ format: 'siak', headers: [...headers, 'Kode Pos', '', ''] });
    const withPostalCode = [...rowAt(2), '30611', '', ''];
    const converted = siakRowToImport(extended.format === 'siak' ? extended.headers : [], withPostalCode, '16.02');
    expect(converted).toMatchObject({ ok: true });
    if (converted.ok) {
      expect(validateResidentRow(converted.columns, converted.cells, 2)).toMatchObject({
        ok: true,
        row: { postalCode: '30611' },
      });
    }
    expect(() => readImportHeader(`${headerLine};Ukuran Sepatu`)).toThrow(/ekspor SIAK tidak sesuai/);
  });

  it('reads a plain KAWIN without a deed as not recorded', () => {
    const cells = set(set(rowAt(2), 'Nomor Akta Kawin', ''), 'Status Kawin', 'kawin');
    expect(validate(cells, 2)).toMatchObject({ ok: true, row: { maritalStatus: 'KAWIN_BELUM_TERCATAT' } });
  });

  it('rejects names that are no district or village of the importing regency, with the reason', () => {
    expect(validate(set(rowAt(2), 'Kecamatan', 'Ilir Barat I'), 2)).toEqual({
      ok: false,
      errors: [{ field: 'Kecamatan', message: 'Kecamatan "Ilir Barat I" tidak ada di Kabupaten Ogan Komering Ilir' }],
    });
    expect(validate(set(rowAt(2), 'Desa/Kel', 'Pedamaran II'), 2)).toEqual({
      ok: false,
      errors: [{ field: 'Desa/Kel', message: 'Desa/kelurahan "Pedamaran II" tidak ada di Kecamatan Kayu Agung' }],
    });
    // Kayu Agung is a district of OKI, not of Palembang (16.71).
    expect(validate(rowAt(2), 2, '16.71')).toMatchObject({ ok: false, errors: [{ field: 'Kecamatan' }] });
  });

  it('reports field errors under the SIAK headers of the sheet', () => {
    expect(validate(set(rowAt(3), 'Tanggal Lahir', '31-02-1984'), 3)).toEqual({
      ok: false,
      errors: [{ field: 'Tanggal Lahir', message: 'Harus tanggal yang sah dengan format DD-MM-YYYY' }],
    });
    expect(validate(set(rowAt(3), 'NIK', '1602ABCD00000001'), 3)).toEqual({
      ok: false,
      errors: [{ field: 'NIK', message: 'NIK harus tepat 16 digit angka' }],
    });
    expect(validate(set(rowAt(3), 'Kelamin', 'L'), 3)).toEqual({
      ok: false,
      errors: [{ field: 'Kelamin', message: 'Tidak sesuai dengan NIK (tanggal lahir perempuan pada NIK ditambah 40)' }],
    });
  });
});
