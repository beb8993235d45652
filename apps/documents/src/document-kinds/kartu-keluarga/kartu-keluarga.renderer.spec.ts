import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { BLOOD_TYPE_LABELS, MaritalStatus, MARITAL_STATUS_LABELS, Religion, Sex } from '#lib/domain';
import { renderKartuKeluarga } from './kartu-keluarga.renderer.js';
import { BSRE_CERTIFICATE_ISSUER } from '../../rendering/electronic-signature-notice.js';
import {
  buildKartuKeluarga,
  buildMember,
  demoFamilyMembers,
  manyMembers,
} from '../../rendering/testing/document-factories.js';
import { flatten, PdfFile } from '../../rendering/testing/pdf-tools.js';

jest.setTimeout(30_000);

describe('renderKartuKeluarga', () => {
  describe('a family of six, one of them a foreign grandparent', () => {
    const members = demoFamilyMembers();
    members.push(
      buildMember({
        fullName: 'Ŝarif Élan Ñoño',
        birthDate: '1950-02-01',
        sex: Sex.LAKI_LAKI,
        religion: Religion.KATOLIK,
        maritalStatus: MaritalStatus.CERAI_MATI,
        relationship: 'ORANG_TUA',
        citizenship: 'WNA',
        passportNumber: 'X1234567',
        kitapNumber: '2C11JE1234-AB',
        bloodType: 'AB-',
      }),
    );
    const model = buildKartuKeluarga({ members, documentNumber: 'KK-2026-000123' });
    let pdf: PdfFile;
    let text: string;

    beforeAll(async () => {
      pdf = await PdfFile.write(await renderKartuKeluarga(model));
      text = await pdf.text();
    });
    afterAll(() => pdf.dispose());

    it('is one A4 landscape page', async () => {
      const info = await pdf.info();
      expect(info.Pages).toBe('1');
      expect(info['Page size']).toMatch(/^841\.89 x 595\.2[78] pts \(A4\)/);
      expect(info.Title).toBe(`Kartu Keluarga No. ${model.familyCardNumber}`);
    });

    it('prints the title, number and address block with their official labels', () => {
      expect(text).toContain('KARTU KELUARGA');
      expect(text).toContain(`No. ${model.familyCardNumber}`);
      for (const [label, value] of [
        ['Nama Kepala Keluarga', 'RUDI HARTONO'],
        ['Alamat', 'JL. LETNAN MUKHTAR SALEH NO. 17'],
        ['RT/RW', '003/002'],
        ['Desa/Kelurahan', model.villageName],
        ['Kecamatan', model.districtName],
        ['Kabupaten/Kota', 'KABUPATEN OGAN KOMERING ILIR'],
        ['Kode Pos', '30611'],
        ['Provinsi', 'SUMATERA SELATAN'],
      ]) {
        expect(text).toMatch(new RegExp(`${label.replace('/', '\\/')}\\s+:\\s+${value.replace(/[.]/g, '\\.')}`));
      }
    });

    it('heads both tables with every column of the card', async () => {
      const flat = flatten(await pdf.text(undefined, 'raw'));
      for (const header of [
        'Nama Lengkap',
        'NIK',
        'Jenis Kelamin',
        'Tempat Lahir',
        'Tanggal Lahir',
        'Agama',
        'Pendidikan',
        'Jenis Pekerjaan',
        'Golongan Darah',
        'Status Perkawinan',
        'Tanggal Perkawinan',
        'Status Hubungan Dalam Keluarga',
        'Kewarganegaraan',
        'Dokumen Imigrasi',
        'No. Paspor',
        'No. KITAP',
        'Nama Orang Tua',
        'Nama Ayah',
        'Nama Ibu',
      ]) {
        expect(flat).toContain(header);
      }
    });

    it('prints every member with names in capitals, any Latin letter intact, and the NIK whole', () => {
      for (const member of members) {
        expect(text).toContain(member.fullName.toLocaleUpperCase('id-ID'));
        expect(text).toContain(member.nik);
      }
      expect(text).toContain('ŜARIF ÉLAN ÑOÑO');
      expect(text).toContain('RENÉE YOLANDA PEÑA');
    });

    it('prints values with their official labels, never the API enum names', () => {
      expect(text).toContain('LAKI-LAKI');
      expect(text).toContain('PEREMPUAN');
      expect(text).toContain('KEPERCAYAAN TERHADAP TUHAN YME');
      expect(text).toContain(MARITAL_STATUS_LABELS.KAWIN_TERCATAT);
      expect(text).toContain('CERAI MATI');
      expect(text).toContain('KEPALA KELUARGA');
      expect(text).toContain('ORANG TUA');
      expect(text).toContain(BLOOD_TYPE_LABELS.TIDAK_TAHU);
      expect(text).toContain('AB-');
      expect(text).toContain('AKADEMI/DIPLOMA III/S. MUDA');
      expect(text).toContain('MENGURUS RUMAH TANGGA');
      expect(text).not.toMatch(/[A-Z]_[A-Z]/);
    });

    it('prints dates as DD-MM-YYYY, immigration documents, and dashes for absent values', () => {
      expect(text).toContain('14-03-1985');
      expect(text).toContain('20-06-2010');
      expect(text).toContain('X1234567');
      expect(text).toContain('2C11JE1234-AB');
      const childrenRows = text.split('\n').filter((line) => line.includes('BELUM KAWIN'));
      expect(childrenRows).toHaveLength(3);
      for (const row of childrenRows) expect(row).toMatch(/BELUM KAWIN\s+-\s+ANAK\s+WNI\s+-\s+-\s+RUDI HARTONO/);
    });

    it('prints the date of issue, the issuing regency and the signing official with NIP', () => {
      expect(text).toMatch(/Dikeluarkan Tanggal\s*:\s*28-01-2026/);
      expect(text).toContain('KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL');
      expect(text).toContain('Drs. Hendra Wijaya Kusuma, M.Si.');
      expect(text).toContain(`NIP. ${model.official.nip}`);
      expect(text).toContain('No. Dokumen: KK-2026-000123');
    });

    it('carries the TTE footnote naming the certificate issuer', () => {
      expect(flatten(text)).toContain(
        `Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh ${BSRE_CERTIFICATE_ISSUER}`,
      );
    });

    it('has a QR code that reads as the verification URL', async () => {
      expect(await pdf.qrCodes()).toEqual([model.verificationUrl]);
    });
  });

  it('names a configured certificate issuer instead of BSrE', async () => {
    const pdf = await PdfFile.write(
      await renderKartuKeluarga(
        buildKartuKeluarga({ certificateIssuer: 'Disdukcapil Kabupaten Ogan Komering Ilir (DEV)' }),
      ),
    );
    try {
      const flat = flatten(await pdf.text());
      expect(flat).toContain('diterbitkan oleh Disdukcapil Kabupaten Ogan Komering Ilir (DEV)');
      expect(flat).not.toContain('BSrE');
    } finally {
      await pdf.dispose();
    }
  });

  it('fits a family of ten, the rows of the printed form, on one page with its signature block', async () => {
    const model = buildKartuKeluarga({ members: manyMembers(10) });
    const pdf = await PdfFile.write(await renderKartuKeluarga(model));
    try {
      expect((await pdf.info()).Pages).toBe('1');
      const text = await pdf.text();
      for (const member of model.members) expect(text).toContain(member.nik);
      expect(text).toContain(`NIP. ${model.official.nip}`);
      expect(text).not.toContain('Halaman');
    } finally {
      await pdf.dispose();
    }
  });

  describe('a family of fifteen', () => {
    const members = manyMembers(15);
    const model = buildKartuKeluarga({ members });
    let pdf: PdfFile;

    beforeAll(async () => {
      pdf = await PdfFile.write(await renderKartuKeluarga(model));
    });
    afterAll(() => pdf.dispose());

    it('continues on a second page with the header repeated and every member printed once per table', async () => {
      expect((await pdf.info()).Pages).toBe('2');
      const pages = [await pdf.text(1), await pdf.text(2)];
      expect(pages[0]).toContain('Halaman 1 dari 2');
      expect(pages[1]).toContain('Halaman 2 dari 2');
      expect(pages[1]).toContain(`KARTU KELUARGA No. ${model.familyCardNumber} (lanjutan)`);
      const all = pages.join('\n');
      for (const member of members) {
        // The NIK is in table 1 only; the father's name column holds the head for every child.
        expect(all.split(member.nik)).toHaveLength(2);
      }
      // Table 2's header is printed wherever its rows continue.
      for (const page of pages) expect(page).toContain('Status Perkawinan');
    });

    it('puts the signature block and QR code after the last row, on the last page', async () => {
      const [first, last] = [await pdf.text(1), await pdf.text(2)];
      expect(first).not.toContain(`NIP. ${model.official.nip}`);
      expect(last).toContain(`NIP. ${model.official.nip}`);
      expect(await pdf.qrCodes(1)).toEqual([]);
      expect(await pdf.qrCodes(2)).toEqual([model.verificationUrl]);
      // The footnote is on every page.
      for (const page of [first, last])
        expect(flatten(page)).toContain('Dokumen ini telah ditandatangani secara elektronik');
    });
  });

  // Issue #14 point 9: thirteen members used to leave page 2 with the signature block alone.
  it('never leaves the signature block alone on a page (thirteen members)', async () => {
    const model = buildKartuKeluarga({ members: manyMembers(13) });
    const pdf = await PdfFile.write(await renderKartuKeluarga(model));
    try {
      const pages = Number((await pdf.info()).Pages);
      const last = await pdf.text(pages);
      expect(last).toContain(`NIP. ${model.official.nip}`);
      // Rows of table 2 go with it: the last member's row number is on the last page.
      expect(last).toMatch(/^\s*13\s/m);
    } finally {
      await pdf.dispose();
    }
  });
});
