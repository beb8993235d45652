import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { renderAktaKelahiran } from '../document-kinds/akta-kelahiran/akta-kelahiran.renderer.js';
import { renderKartuKeluarga } from '../document-kinds/kartu-keluarga/kartu-keluarga.renderer.js';
import { buildAktaKelahiran, buildKartuKeluarga, buildMember } from './testing/document-factories.js';
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

/** The KK's member tables as tables: a screen reader reads each member's row under its headers. */
describe('the Kartu Keluarga member table, tagged as a table', () => {
  let pdf: PdfFile;
  let structure: string;
  const members = [
    buildMember({ fullName: 'BUDI SANTOSO', relationship: 'KEPALA_KELUARGA' }),
    buildMember({ fullName: 'SITI AMINAH', relationship: 'ISTRI', sex: 'PEREMPUAN' }),
    buildMember({ fullName: 'RINA SANTOSO', relationship: 'ANAK', sex: 'PEREMPUAN' }),
  ];

  beforeAll(async () => {
    pdf = await PdfFile.write(await renderKartuKeluarga(buildKartuKeluarga({ members })));
    structure = execFileSync('pdfinfo', ['-struct-text', pdf.path], { encoding: 'utf8' });
  });
  afterAll(() => pdf.dispose());

  /** `pdfinfo -struct-text` as (depth, line) pairs: the tree by its indentation. */
  const lines = (): Array<{ depth: number; text: string }> =>
    structure
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => ({ depth: line.length - line.trimStart().length, text: line.trim() }));

  it('has Table elements holding rows of header and data cells', () => {
    const tree = lines();
    const tables = tree.filter((line) => line.text.startsWith('Table'));
    // Two tables on the KK: the members, and their status (marriage, parents, documents).
    expect(tables).toHaveLength(2);
    expect(tree.filter((line) => line.text.startsWith('TR')).length).toBeGreaterThanOrEqual(2 * (1 + members.length));
    expect(tree.some((line) => line.text.startsWith('TH'))).toBe(true);
    expect(tree.some((line) => line.text.startsWith('TD'))).toBe(true);
    expect(structure).toContain('/Scope /Column');
  });

  it('reads each member in their own row, in order, with the blank form rows left out', () => {
    const tree = lines();
    const firstTable = tree.findIndex((line) => line.text.startsWith('Table'));
    const secondTable = tree.findIndex((line, index) => index > firstTable && line.text.startsWith('Table'));
    const rows = tree.slice(firstTable, secondTable).filter((line) => line.text.startsWith('TR'));
    // One header row (two with grouped headers) and one row per member: no row for the empty lines.
    expect(rows.length).toBeLessThanOrEqual(2 + members.length);
    expect(rows.length).toBeGreaterThanOrEqual(1 + members.length);
    // (The head's name is also above the table, in the family's particulars.)
    const table = structure.slice(structure.indexOf('Table'));
    const order = members.map((member) => table.indexOf(member.fullName));
    expect(order.every((at) => at > -1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The header cell names the column before any member's name is read.
    expect(table.indexOf('Nama Lengkap')).toBeGreaterThan(-1);
    expect(table.indexOf('Nama Lengkap')).toBeLessThan(order[0]);
    // The column numbers "(1)", "(2)" are decoration, not read.
    expect(structure).not.toContain('"(1)"');
  });
});
