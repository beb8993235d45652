import { describe, expect, it } from '@jest/globals';
import { documentTextProblem, isDocumentText } from './document-text.js';

describe('document text (address, place of birth or death)', () => {
  it.each([
    'JL. MERDEKA NO. 12',
    "Gg. H. Ma'ruf RT 001/RW 002",
    'Perumahan Griya (Blok C) #7, Kel. Sukajadi',
    'Kayuagung',
    'Jl. Đặng Văn Ngữ 3',
    'Sítio São João: Lote 4-5',
    '',
  ])('accepts %j', (text) => {
    expect(isDocumentText(text)).toBe(true);
  });

  it.each([
    '<script>alert(1)</script>',
    'Jl. Mawar <b>12</b>',
    'Jl. "Mawar"',
    'Jl. Mawar; DROP TABLE person',
    'Jl. {{7*7}}',
    'Jl. Mawar\u0000',
    'Jl.\tMawar\n2',
    'Jl. Mawar\u202e21',
    '=HYPERLINK("http://x")',
    'Jl. `id`',
    'Jl. Mawar \\ 2',
  ])('refuses %j', (text) => {
    expect(isDocumentText(text)).toBe(false);
    expect(documentTextProblem(text)).toMatch(/hanya boleh berisi huruf, angka, spasi/);
  });
});
