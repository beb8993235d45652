import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { BirthParents, Sex } from '#lib/domain';
import { renderAktaKelahiran } from './akta-kelahiran.renderer.js';
import { buildAktaKelahiran } from '../../rendering/testing/document-factories.js';
import { flatten, PdfFile } from '../../rendering/testing/pdf-tools.js';

jest.setTimeout(30_000);

describe('renderAktaKelahiran', () => {
  describe('a daughter, third child, born 25 January 2026', () => {
    const model = buildAktaKelahiran({ birthDate: '2026-01-25', birthOrder: 3, sex: Sex.PEREMPUAN });
    let pdf: PdfFile;
    let text: string;

    beforeAll(async () => {
      pdf = await PdfFile.write(await renderAktaKelahiran(model));
      text = await pdf.text();
    });
    afterAll(() => pdf.dispose());

    it('is one A4 portrait page', async () => {
      const info = await pdf.info();
      expect(info.Pages).toBe('1');
      expect(info['Page size']).toMatch(/^595\.2[78] x 841\.89 pts \(A4\)/);
    });

    it('prints the heading, title, certificate number and the child NIK', () => {
      expect(text).toContain('PENCATATAN SIPIL');
      expect(text).toMatch(/WARGA NEGARA\s*:\s*INDONESIA/);
      expect(text).toContain('KUTIPAN AKTA KELAHIRAN');
      expect(text).not.toMatch(/^\s*Nomor /m);
      expect(model.certificateNumber).toBe('1602-LU-28012026-0001');
      expect(text).toMatch(new RegExp(`NIK\\s*:\\s*${model.childNik}`));
    });

    it('states the birth in the sentence of the form, the date in upper-case words', () => {
      expect(flatten(text)).toContain(
        `Berdasarkan Akta Kelahiran Nomor ${model.certificateNumber} bahwa di KAYUAGUNG pada tanggal ` +
          'DUA PULUH LIMA JANUARI DUA RIBU DUA PULUH ENAM telah lahir SITI AISYAH HARTONO ' +
          'anak ke-TIGA, PEREMPUAN dari ayah RUDI HARTONO dan ibu RENÉE YOLANDA PEÑA Kayuagung',
      );
    });

    it('prints the place and date of issue, the issuing regency and the official with NIP', () => {
      expect(text).toContain('Kayuagung, 28 Januari 2026');
      expect(text).toContain('KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL');
      expect(text).toContain('KABUPATEN OGAN KOMERING ILIR');
      expect(text).toContain('Drs. Hendra Wijaya Kusuma, M.Si.');
      expect(text).toContain(`NIP. ${model.official.nip}`);
      expect(flatten(text)).toContain('Dokumen ini telah ditandatangani secara elektronik');
    });

    it('has a QR code that reads as the verification URL', async () => {
      expect(await pdf.qrCodes()).toEqual([model.verificationUrl]);
    });
  });

  it('prints a son, a twelfth child, a long date and a name with any Latin letter', async () => {
    const model = buildAktaKelahiran({
      birthDate: '2025-09-28',
      birthOrder: 12,
      sex: Sex.LAKI_LAKI,
      childName: 'Ŝtefano Muñoz Ébrahim bin Abdurrahman Wahid Saputra',
      birthPlace: 'Palembang',
      citizenship: 'WNA',
    });
    const pdf = await PdfFile.write(await renderAktaKelahiran(model));
    try {
      const flat = flatten(await pdf.text());
      expect(flat).toContain(
        'bahwa di PALEMBANG pada tanggal DUA PULUH DELAPAN SEPTEMBER DUA RIBU DUA PULUH LIMA telah lahir ' +
          'ŜTEFANO MUÑOZ ÉBRAHIM BIN ABDURRAHMAN WAHID SAPUTRA anak ke-DUA BELAS, LAKI-LAKI dari ayah',
      );
      expect(flat).toContain('WARGA NEGARA : ASING');
      expect(flat).toContain('Kayuagung, 1 Oktober 2025');
    } finally {
      await pdf.dispose();
    }
  });

  // Issue #14 points 1 and 2: the parents as their marriage allows, never "dari ayah -".
  it.each([
    [BirthParents.MOTHER_ONLY, 'PEREMPUAN dari ibu RENÉE YOLANDA PEÑA Kayuagung'],
    [
      BirthParents.MARRIAGE_NOT_RECORDED,
      'PEREMPUAN dari ayah RUDI HARTONO dan ibu RENÉE YOLANDA PEÑA, yang perkawinannya belum tercatat sesuai ' +
        'dengan ketentuan peraturan perundang-undangan Kayuagung',
    ],
  ])('names the parents of %s', async (parents, sentenceEnd) => {
    const model = buildAktaKelahiran({ parents });
    if (parents === BirthParents.MOTHER_ONLY) delete model.fatherName;
    const pdf = await PdfFile.write(await renderAktaKelahiran(model));
    try {
      const flat = flatten(await pdf.text());
      expect(flat).toContain(sentenceEnd);
      expect(flat).not.toContain('ayah -');
      expect((await pdf.info()).Pages).toBe('1');
    } finally {
      await pdf.dispose();
    }
  });
});
