/**
 * The file name an attachment is stored and shown with (issue #13): the extension of the type
 * its content was judged to be — `x.html` holding a PDF is stored as `x.pdf`, so no browser or
 * desktop ever opens it as a page — and a base without markup, control or path characters, so
 * that `<img src=x onerror=…>.pdf` is plain text wherever a clerk sees it.
 */

const EXTENSION: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

const FALLBACK = 'lampiran';
const MAX_BASE = 100;

/** Letters (any script, with their marks), digits, space and `.,_-()` — nothing else. */
const ALLOWED = /[^\p{L}\p{M}\p{N} .,_()-]/gu;

export function storedFileName(uploadedName: string, contentType: string): string {
  const extension = EXTENSION[contentType] ?? 'bin';
  const leaf = uploadedName.split(/[\\/]/).pop() ?? '';
  const base = leaf
    .normalize('NFC')
    // Markup goes whole (the tag, its attributes and the script in them), then what is left.
    .replace(/<[^>]*>?/g, ' ')
    .replace(ALLOWED, ' ')
    // Its own extension(s): the content decides the only one it keeps.
    .replace(/(\.[\p{L}\p{N}]{1,5})+\s*$/u, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, MAX_BASE)
    .trim();
  return `${base === '' ? FALLBACK : base}.${extension}`;
}

/**
 * `Content-Disposition` for a download: `attachment` always (never shown inline as a page of
 * this origin), an ASCII fallback name and the UTF-8 name (RFC 6266, RFC 8187).
 */
export function attachmentDisposition(fileName: string): string {
  const ascii =
    fileName
      .replace(/Đ/g, 'D')
      .replace(/đ/g, 'd')
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%;]/g, '')
      .trim() || 'lampiran';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
