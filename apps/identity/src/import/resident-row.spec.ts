import { describe, expect, it } from '@jest/globals';
import { DomainError, installRegionDirectory, RegionDirectory } from '#lib/domain';
import { decodeLayout, encodeLayout, readImportHeader } from './import-layout.js';
import { IMPORT_COLUMNS, validateResidentRow } from './resident-row.js';
import { SYNTHETIC_IMPORT_ROW } from './testing/import-rows.js';

const good = SYNTHETIC_IMPORT_ROW;

const columns = [...IMPORT_COLUMNS];
const cells = (values: Record<string, string>): string[] => columns.map((column) => values[column] ?? '');

describe('validateResidentRow', () => {
  it('turns a valid row into what the registry stores: canonical labels, upper case, padded RT', () => {
    const result = validateResidentRow(columns, cells(good), 2);
    expect(result).toMatchObject({
      ok: true,
      row: {
        fullName: 'SITI AMINAH',
        education: 'SLTA/SEDERAJAT',
        occupation: 'MENGURUS RUMAH TANGGA',
        rt: '003',
        regencyCode: '16.02',
        passportNumber: null,
        marriageDate: '2012-05-05',
      },
    });
  });

  it('checks the NIK against the birth date and sex it encodes', () => {
    const result = validateResidentRow(columns, cells({ ...good, sex: 'LAKI_LAKI', birthDate: '1990-01-02' }), 9);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.field).sort()).toEqual(['birthDate', 'sex']);
  });

  it('lists every bad field at once', () => {
    const result = validateResidentRow(
      columns,
      cells({
        ...good,
        nik: '160205410190000',
        religion: 'JEDI',
        rt: '0',
        villageCode: '1602051002',
        postalCode: '3061',
        fullName: '',
      }),
      3,
    );
    expect(!result.ok && result.errors.map((e) => e.field).sort()).toEqual(
      ['fullName', 'nik', 'postalCode', 'religion', 'rt', 'villageCode'].sort(),
    );
  });

  it('refuses a marriage date for someone never married, and a row of the wrong width', () => {
    const single = validateResidentRow(columns, cells({ ...good, maritalStatus: 'BELUM KAWIN' }), 4);
    expect(!single.ok && single.errors).toEqual([
      { field: 'marriageDate', message: 'Tidak boleh diisi untuk status BELUM KAWIN' },
    ]);
    const short = validateResidentRow(columns, ['1602054101900001'], 5);
    expect(!short.ok && short.errors[0].field).toBe('row');
  });

  it('reads a village against the region directory in use, not one it read before', () => {
    expect(validateResidentRow(columns, cells(good), 2).ok).toBe(true);
    // The same village again, after a release that no longer lists it (its regency still there).
    const withoutVillage = RegionDirectory.fromCsv({
      provinces: 'code,name\n16,Sumatera Selatan\n',
      regencies: 'code,province_code,name\n16.02,16,Kabupaten Ogan Komering Ilir\n',
      districts: 'code,regency_code,name\n16.02.05,16.02,Kayu Agung\n',
      villages: () => 'code,district_code,name\n16.02.05.1001,16.02.05,Kedaton\n',
    });
    const previous = installRegionDirectory(withoutVillage);
    try {
      const moved = validateResidentRow(columns, cells(good), 3);
      expect(!moved.ok && moved.errors.map((e) => e.field)).toEqual(['villageCode']);
    } finally {
      installRegionDirectory(previous);
    }
    expect(validateResidentRow(columns, cells(good), 4).ok).toBe(true);
  });
});

describe('readImportHeader', () => {
  it('accepts the API names in any order and case, with a BOM, separated by `,` or `;`', () => {
    const names = [...columns].reverse().map((c) => c.toUpperCase());
    expect(readImportHeader(`\uFEFF${names.join(',')}`)).toEqual({
      format: 'api',
      delimiter: ',',
      columns: [...columns].reverse(),
    });
    const semicolons = readImportHeader(names.join(';'));
    expect(semicolons).toEqual({ format: 'api', delimiter: ';', columns: [...columns].reverse() });
    expect(decodeLayout(encodeLayout(semicolons))).toEqual(semicolons);
    expect(decodeLayout(['nik', 'fullName'])).toEqual({ format: 'api', delimiter: ',', columns: ['nik', 'fullName'] });
  });

  it('refuses unknown, repeated and missing columns, listing each', () => {
    try {
      readImportHeader('nik,nik,shoe');
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const messages = (error as DomainError).errors.map((e) => e.message);
      expect(messages).toEqual(
        expect.arrayContaining([
          'Kolom "nik" muncul lebih dari sekali',
          'Kolom ke-3 "shoe" tidak dikenal',
          'Kolom wajib "fullName" tidak ada',
        ]),
      );
    }
  });
});
