import { describe, expect, it } from '@jest/globals';
import { attachmentDisposition, storedFileName } from './stored-file-name.js';

describe('storedFileName', () => {
  it.each([
    ['x.html', 'application/pdf', 'x.pdf'],
    ['surat.bin', 'application/pdf', 'surat.pdf'],
    ['foto.PNG.exe', 'image/png', 'foto.png'],
    ['<img src=x onerror=alert(1)>.pdf', 'application/pdf', 'lampiran.pdf'],
    ['<img src=x onerror=alert(1)>surat.pdf', 'application/pdf', 'surat.pdf'],
    ['Akta "resmi";\u0007\u202e.jpg', 'image/jpeg', 'Akta resmi.jpg'],
    ['C:\\Users\\siti\\Surat Kehilangan (polisi).pdf', 'application/pdf', 'Surat Kehilangan (polisi).pdf'],
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['Ñoño Đặng-Thị_ü.jpeg', 'image/jpeg', 'Ñoño Đặng-Thị_ü.jpg'],
    ['', 'image/png', 'lampiran.png'],
    ['...', 'image/png', 'lampiran.png'],
    ['{{7*7}}${x}`rm`.pdf', 'application/pdf', '7 7 x rm.pdf'],
  ])('%j as %s → %j', (name, type, expected) => {
    expect(storedFileName(name, type)).toBe(expected);
  });

  it('keeps names short', () => {
    expect(storedFileName(`${'a'.repeat(300)}.pdf`, 'application/pdf')).toBe(`${'a'.repeat(100)}.pdf`);
  });
});

describe('attachmentDisposition', () => {
  it('is always an attachment, with an ASCII name and the UTF-8 one', () => {
    expect(attachmentDisposition('Đặng surat.pdf')).toBe(
      `attachment; filename="Dang surat.pdf"; filename*=UTF-8''%C4%90%E1%BA%B7ng%20surat.pdf`,
    );
  });
});
