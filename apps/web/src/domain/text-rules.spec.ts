import { describe, expect, it } from '@jest/globals';
import { checkReadableText } from './text-rules.js';

describe('free text another person reads, checked on the page as the API checks it', () => {
  const hidden = 'tidak boleh memuat karakter kendali atau karakter tak terlihat (misalnya pengubah arah teks).';

  it('takes visible text, with line breaks where the field has lines', () => {
    expect(checkReadableText('Bank Contoh Sejahtera', 'Nama lembaga')).toEqual({});
    expect(checkReadableText('Surat pengantar RT\nbelum dilampirkan', 'Alasan', { multiline: true })).toEqual({});
    expect(checkReadableText('', 'Catatan', { required: false })).toEqual({});
  });

  it('refuses an empty or blank required value with the field’s name', () => {
    expect(checkReadableText('', 'Alasan')).toEqual({ error: 'Alasan wajib diisi.' });
    expect(checkReadableText(' \n\t', 'Alasan', { multiline: true })).toEqual({ error: 'Alasan wajib diisi.' });
  });

  it.each([
    ['a right-to-left override', 'KNAB\u202e HOTNOC'],
    ['an isolate', 'Berkas \u2066lengkap\u2069'],
    ['a zero-width space', 'Bank\u200bContoh'],
    ['an escape sequence', 'Surat\u001b[8m'],
  ])('refuses %s, as the server would', (_what, value) => {
    expect(checkReadableText(value, 'Alasan', { multiline: true })).toEqual({ error: `Alasan ${hidden}` });
  });

  it('refuses a line break in a one-line field', () => {
    expect(checkReadableText('BANK\nCONTOH', 'Nama lembaga')).toEqual({ error: `Nama lembaga ${hidden}` });
  });
});
