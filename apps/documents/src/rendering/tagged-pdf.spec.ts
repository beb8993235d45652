import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { renderAktaKelahiran } from '../document-kinds/akta-kelahiran/akta-kelahiran.renderer.js';
import { buildAktaKelahiran } from './testing/document-factories.js';
import { PdfFile } from './testing/pdf-tools.js';

jest.setTimeout(30_000);

/** Screen readers read an issued document: a tagged PDF in Indonesian, its text in reading order. */
describe('tagged documents', () => {
  let pdf: PdfFile;
  let structure: string;

  beforeAll(async () => {
    pdf = await PdfFile.write(await renderAktaKelahiran(buildAktaKelahiran({ birthDate: '2026-01-25' })));
    structure = execFileSync('pdfinfo', ['-struct-text', pdf.path], { encoding: 'utf8' });
  });
  afterAll(() => pdf.dispose());

  it('is tagged, in Indonesian', async () => {
    const info = await pdf.info();
    expect(info.Tagged).toBe('yes');
    expect(structure).toContain('Document');
  });

  it('reads the heading before the sentence and the sentence before the signature', () => {
    const heading = structure.indexOf('KUTIPAN AKTA KELAHIRAN');
    const sentence = structure.indexOf('telah lahir');
    const nip = structure.indexOf('NIP.');
    expect(heading).toBeGreaterThan(-1);
    expect(sentence).toBeGreaterThan(heading);
    expect(nip).toBeGreaterThan(sentence);
  });

  it('prints the verification code and the check address beside the QR code', () => {
    expect(structure).toContain('Kode verifikasi:');
    expect(structure).toMatch(/\/cek-dokumen/);
  });
});
