import { describe, expect, it } from '@jest/globals';
import { isReadableText } from './readable-text.js';

describe('readable text (agency names, purposes, reasons)', () => {
  it.each([
    'PT Bank Contoh (Persero) Tbk',
    'Asuransi Jiwa & Kesehatan "Sejahtera"',
    'Pembukaan rekening tabungan; KYC <nasabah baru>',
    'Kepolisian Resor Ogan Komering Ilir — Satreskrim',
    'Koperasi Đặng Văn Ngữ',
    'BPJS Kesehatan 100%',
    '',
  ])('accepts %j on one line and in multi-line text', (text) => {
    expect(isReadableText(text)).toBe(true);
    expect(isReadableText(text, { multiline: true })).toBe(true);
  });

  it.each([
    ['a right-to-left override', 'Bank Contoh \u202eknaB'],
    ['a left-to-right embedding', 'Bank \u202aContoh'],
    ['a right-to-left isolate', 'Bank \u2067Contoh\u2069'],
    ['a zero-width space', 'Bank\u200bContoh'],
    ['a zero-width joiner', 'Bank\u200dContoh'],
    ['a byte-order mark', '\ufeffBank Contoh'],
    ['a soft hyphen', 'Bank Con\u00adtoh'],
    ['U+0000', 'Bank\u0000'],
    ['an escape (ANSI colours)', 'Bank \u001b[31mContoh'],
    ['a C1 control', 'Bank \u0085Contoh'],
    ['DEL', 'Bank\u007f'],
    ['a line separator', 'Bank\u2028Contoh'],
    ['a paragraph separator', 'Bank\u2029Contoh'],
    ['a private-use character', 'Bank \ue000'],
    ['an unassigned code point', 'Bank \u{e0fff}'],
    ['a lone high surrogate', 'Bank \ud800'],
    ['a lone low surrogate', 'Bank \udc00 Contoh'],
  ])('refuses %s anywhere', (_what, text) => {
    expect(isReadableText(text)).toBe(false);
    expect(isReadableText(text, { multiline: true })).toBe(false);
  });

  it('allows line breaks and tabs only in multi-line text', () => {
    for (const text of ['Berkas kurang:\n- surat keterangan lahir\r\n- buku nikah', 'Kolom\tnilai']) {
      expect(isReadableText(text)).toBe(false);
      expect(isReadableText(text, { multiline: true })).toBe(true);
    }
  });

  it('refuses every other C0 control in multi-line text', () => {
    for (let code = 0; code < 0x20; code++) {
      const allowed = code === 0x09 || code === 0x0a || code === 0x0d;
      expect(isReadableText(`a${String.fromCharCode(code)}b`, { multiline: true })).toBe(allowed);
    }
  });

  it('accepts an emoji, which is a symbol and not hidden', () => {
    expect(isReadableText('Bank Contoh 🏦')).toBe(true);
  });
});
