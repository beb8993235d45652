import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { IDENTITY_TEST_ENV, TEST_ADMIN, createStaff, importCsv, login } from './factories/accounts.factory.js';
import { CSV_COLUMNS, csvLine, rowOf, syntheticFamilies, type CsvRowValues } from './factories/registry.factory.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * The registry import as offices really send it: CSV from Excel set to Indonesian (`;`, BOM),
 * stray quotes in unquoted fields, and SIAK's own 37-column export (docs/samples), through the
 * gateway's chunker and identity's parser, which must agree on every record and line.
 */
const OKI = '16.02';
const SIAK_SAMPLE = readFileSync(new URL('../docs/samples/siak-export-oki.csv', import.meta.url), 'utf8');

describe('registry import: dialects and SIAK export', () => {
  let stack: Stack;
  let admin: string;
  let clerk: string;

  beforeAll(async () => {
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    await createStaff(stack.url, admin, { username: 'clerk.dialects', role: 'CLERK', regencyCode: OKI });
    clerk = await login(stack.url, 'clerk.dialects', 'staff-password-123');
  });

  afterAll(async () => {
    await stack?.close();
  });

  const person = (nik: string) =>
    request(stack.url).get(`/api/v1/residents/${nik}`).set('authorization', `Bearer ${clerk}`);

  const family = (familyCardNumber: string) =>
    request(stack.url).get(`/api/v1/families/${familyCardNumber}`).set('authorization', `Bearer ${clerk}`);

  it('reads `;`-separated CSV with a BOM and a quote inside an unquoted field, with the right lines', async () => {
    const [a, b, c, d, e] = syntheticFamilies({ regencyCode: OKI, families: 5, seed: 501 }).map((f) =>
      rowOf(f.members[0], f),
    );
    const line = (values: CsvRowValues): string =>
      CSV_COLUMNS.map((column) => {
        const value = values[column] ?? '';
        return /[";\n\r]/.test(value) && !value.includes('5\'6"') ? `"${value.replace(/"/g, '""')}"` : value;
      }).join(';');
    const body = [
      `\uFEFF${CSV_COLUMNS.join(';')}`,
      line({ ...a, address: 'RUMAH PANGGUNG 5\'6" DEPAN MASJID' }), // line 2: stray quote, unquoted
      line({ ...b, nik: '160205' }), // line 3: bad NIK
      line({ ...c, address: 'JL. "BARU"; GANG 2\nBLOK C' }), // lines 4-5: quoted with ; and a line break
      '', // line 6: blank
      line({ ...b, rt: 'X' }), // line 7: bad RT
      line({ ...d, address: "JL. BARU, GANG 2\nBLOK C (DEPAN MASJID) NO. 4/5 #2: PAK HAJI MA'RUF" }), // lines 8-9
      line({ ...e, address: 'JL. MAWAR <img src=x onerror=alert(1)>', birthPlace: 'KAYUAGUNG{}' }), // line 10
    ].join('\r\n');
    const response = await importCsv(stack.url, admin, `${body}\r\n`);
    expect(response.status).toBe(200);
    // Markup and quotes in an address or a place of birth are refused with the field named
    // (issue #13): the parser's lines stay right around them.
    const addressRule = "Alamat hanya boleh berisi huruf, angka, spasi dan tanda baca alamat (. , - / ' ( ) # :)";
    expect(response.body).toEqual({
      imported: 1,
      updated: 0,
      rejected: [
        { line: 2, errors: [{ field: 'address', message: addressRule }] },
        { line: 3, errors: [{ field: 'nik', message: 'NIK harus tepat 16 digit angka' }] },
        { line: 4, errors: [{ field: 'address', message: addressRule }] },
        { line: 7, errors: [{ field: 'rt', message: 'Harus angka 1 sampai 999' }] },
        {
          line: 10,
          errors: [
            { field: 'birthPlace', message: addressRule.replace('Alamat', 'Tempat lahir') },
            { field: 'address', message: addressRule },
          ],
        },
      ],
    });
    expect((await family(d.familyCardNumber as string)).body.address).toBe(
      "JL. BARU, GANG 2 BLOK C (DEPAN MASJID) NO. 4/5 #2: PAK HAJI MA'RUF",
    );
    expect((await family(a.familyCardNumber as string)).status).toBe(404);
  });

  it('imports SIAK’s export as it leaves SIAK, resolving names and rejecting what cannot be resolved', async () => {
    // SIAK has no postal codes: families already registered in the sample's villages supply them.
    const seeded = syntheticFamilies({ regencyCode: OKI, families: 3, seed: 502 });
    const villages = [
      ['16.02.05.1002', '30611'],
      ['16.02.05.1003', '30612'],
      ['16.02.03.2006', '30661'],
    ];
    const seedCsv = [
      CSV_COLUMNS.join(','),
      ...seeded.map((f, i) =>
        csvLine({ ...rowOf(f.members[0], f), villageCode: villages[i][0], postalCode: villages[i][1] }),
      ),
    ].join('\n');
    expect((await importCsv(stack.url, admin, `${seedCsv}\n`)).body.rejected).toEqual([]);

    const rows = SIAK_SAMPLE.replace(/\r\n$/, '').split('\r\n');
    const budi = rows[1].split(';');
    const variant = (changes: Record<number, string>): string => budi.map((cell, i) => changes[i] ?? cell).join(';');
    const body = [
      ...rows, // header (line 1) and nine people (lines 2-10)
      variant({ 1: '1602051207800099', 14: 'ILIR BARAT I' }), // line 11: a district of Palembang
      variant({ 1: '1602051207800098', 15: 'DESA ANTAH' }), // line 12: no such village
      variant({ 0: '1602051503150099', 1: '1602051207800097', 15: 'KUTARAJA' }), // line 13: no postal code known
    ].join('\r\n');
    const response = await importCsv(stack.url, admin, `${body}\r\n`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      imported: 9,
      updated: 0,
      rejected: [
        {
          line: 11,
          errors: [
            { field: 'Kecamatan', message: 'Kecamatan "ILIR BARAT I" tidak ada di Kabupaten Ogan Komering Ilir' },
          ],
        },
        {
          line: 12,
          errors: [{ field: 'Desa/Kel', message: 'Desa/kelurahan "DESA ANTAH" tidak ada di Kecamatan Kayu Agung' }],
        },
        { line: 13, errors: [{ field: 'Kode Pos', message: expect.stringContaining('tidak memuat kode pos') }] },
      ],
    });

    const head = await person('1602051207800021');
    expect(head.body).toMatchObject({
      fullName: 'BUDI SANTOSO',
      sex: 'LAKI_LAKI',
      birthDate: '1980-07-12',
      maritalStatus: 'KAWIN_TERCATAT',
      education: 'SLTA/SEDERAJAT',
      status: 'ACTIVE',
    });
    const kk = await family('1602051503150007');
    expect(kk.body).toMatchObject({ villageCode: '16.02.05.1002', postalCode: '30611', rt: '003', rw: '002' });
    expect(kk.body.members).toHaveLength(4);

    // The same export again changes nothing.
    const again = await importCsv(stack.url, admin, SIAK_SAMPLE);
    expect(again.body).toEqual({ imported: 0, updated: 9, rejected: [] });
  });
});
