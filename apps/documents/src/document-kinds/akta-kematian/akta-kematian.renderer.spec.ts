import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Sex } from '#lib/domain';
import { flatten, PdfFile } from '../../rendering/testing/pdf-tools.js';
import { buildAktaKematian } from './akta-kematian.factory.js';
import { renderAktaKematian } from './akta-kematian.renderer.js';

jest.setTimeout(30_000);

describe('renderAktaKematian', () => {
  describe('a man who died on 25 November 2026', () => {
    const model = buildAktaKematian({ timeOfDeath: '04:30' });
    let pdf: PdfFile;
    let text: string;

    beforeAll(async () => {
      pdf = await PdfFile.write(await renderAktaKematian(model));
      text = await pdf.text();
    });
    afterAll(() => pdf.dispose());

    it('is one A4 portrait page', async () => {
      const info = await pdf.info();
      expect(info.Pages).toBe('1');
      expect(info['Page size']).toMatch(/^595\.2[78] x 841\.89 pts \(A4\)/);
      expect(info.Title).toBe('Kutipan Akta Kematian Nomor 1602-KM-28112026-0001');
    });

    it('prints the heading, the title and the NIK of the deceased', () => {
      expect(text).toContain('PENCATATAN SIPIL');
      expect(text).toMatch(/WARGA NEGARA\s*:\s*INDONESIA/);
      expect(text).toContain('KUTIPAN AKTA KEMATIAN');
      expect(text).toMatch(new RegExp(`NIK\\s*:\\s*${model.deceasedNik}`));
    });

    it('states the death in the official sentence, the date in upper-case words, then sex and birth', () => {
      expect(flatten(text)).toContain(
        'Berdasarkan Akta Kematian Nomor 1602-KM-28112026-0001 bahwa di KAYUAGUNG pada tanggal ' +
          'DUA PULUH LIMA NOVEMBER DUA RIBU DUA PULUH ENAM pukul 04:30 telah meninggal dunia RUDI HARTONO ' +
          'jenis kelamin LAKI-LAKI, lahir di PALEMBANG pada tanggal 14 MARET 1985',
      );
    });

    it('prints the place and date of issue, the issuing regency and the official with NIP', () => {
      expect(text).toContain('Kayuagung, 28 November 2026');
      expect(text).toContain('KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL');
      expect(text).toContain('KABUPATEN OGAN KOMERING ILIR');
      expect(text).toContain('DRS. HENDRA WIJAYA KUSUMA, M.SI.');
      expect(text).toContain(`NIP. ${model.official.nip}`);
      expect(flatten(text)).toContain('Dokumen ini telah ditandatangani secara elektronik');
    });

    it('has a QR code that reads as the verification URL', async () => {
      expect(await pdf.qrCodes()).toEqual([model.verificationUrl]);
    });
  });

  it('prints a woman without a time of death, a foreign citizen, and a name with any Latin letter', async () => {
    const model = buildAktaKematian({
      deceasedName: 'Renée Yolanda Peña',
      sex: Sex.PEREMPUAN,
      dateOfDeath: '2025-09-28',
      citizenship: 'WNA',
    });
    const pdf = await PdfFile.write(await renderAktaKematian(model));
    try {
      const flat = flatten(await pdf.text());
      expect(flat).toContain(
        'pada tanggal DUA PULUH DELAPAN SEPTEMBER DUA RIBU DUA PULUH LIMA telah meninggal dunia RENÉE YOLANDA PEÑA ' +
          'jenis kelamin PEREMPUAN,',
      );
      expect(flat).not.toContain('pukul');
      expect(flat).toContain('WARGA NEGARA : ASING');
    } finally {
      await pdf.dispose();
    }
  });
});
