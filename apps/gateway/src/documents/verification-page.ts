import { DOCUMENT_KIND_LABELS, DocumentStatus, formatIndonesianDate, regionLocalDate } from '#lib/domain';
import type { PublicDocumentView } from '#lib/contracts';
import { staticPageCsp } from '../http/security-headers.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const VERDICT: Record<DocumentStatus, { title: string; explanation: string; tone: string }> = {
  [DocumentStatus.VALID]: {
    title: 'DOKUMEN SAH',
    explanation: 'Dokumen ini asli, diterbitkan secara elektronik, dan masih berlaku.',
    tone: 'valid',
  },
  [DocumentStatus.SUPERSEDED]: {
    title: 'DOKUMEN SUDAH DIGANTI',
    explanation:
      'Dokumen ini asli, tetapi sudah tidak berlaku karena telah diterbitkan cetakan yang lebih baru. Mintalah dokumen yang terbaru.',
    tone: 'superseded',
  },
  [DocumentStatus.REVOKED]: {
    title: 'DOKUMEN DICABUT',
    explanation: 'Dokumen ini telah dicabut oleh Dinas Kependudukan dan Pencatatan Sipil dan tidak berlaku.',
    tone: 'revoked',
  },
};

/**
 * Colours, type and the verdict block come from the web pages' theme (/theme.css, built from
 * apps/web/src/styles/tokens.css), so the QR page and the app look alike. Only the page's own
 * layout is here; without the theme the page still reads well (plain HTML, no script).
 */
const LAYOUT = `
  main { max-width: 36rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  header { font-size: .95rem; margin-bottom: 1rem; }
  footer { font-size: .85rem; }
`;

/** The page's own policy: its one inline stylesheet (by hash) and /theme.css; no script at all. */
export const VERIFICATION_PAGE_CSP = staticPageCsp(LAYOUT);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)} — Verifikasi Dokumen Kependudukan</title>
<link rel="stylesheet" href="/theme.css">
<style>${LAYOUT}</style>
</head>
<body>
<main>
<header>Verifikasi Dokumen Kependudukan · Dinas Kependudukan dan Pencatatan Sipil</header>
${body}
<footer><p>Halaman ini menampilkan data yang tercatat saat dokumen diterbitkan. Nama pemegang disamarkan untuk melindungi data pribadi (UU 27/2022).</p></footer>
</main>
</body>
</html>`;
}

/** The human page at a document's verification URL: the same facts as the JSON, in Indonesian, no JavaScript. */
export function verificationPage(document: PublicDocumentView): string {
  const verdict = VERDICT[document.status];
  // The date on the office wall where the document was issued, as the PDF prints it — not UTC's.
  const region = document.number.replace(/\D/g, '').slice(0, 4) || '16';
  const localDate = (iso: string): string => formatIndonesianDate(regionLocalDate(region, Date.parse(iso)), 'long');
  const issued = localDate(document.issuedAt);
  const changed = document.statusChangedAt ? localDate(document.statusChangedAt) : undefined;
  const rows: Array<[string, string]> = [
    ['Jenis dokumen', DOCUMENT_KIND_LABELS[document.kind]],
    ['Nomor', document.number],
    ['Nama pemegang', document.holderName],
    ['Tanggal terbit', issued],
    ['Diterbitkan oleh', document.issuer],
  ];
  if (changed) rows.push([document.status === DocumentStatus.REVOKED ? 'Dicabut pada' : 'Diganti pada', changed]);
  if (document.revokedReason) rows.push(['Alasan pencabutan', document.revokedReason]);
  return page(
    verdict.title,
    `<section class="verdict ${verdict.tone}" role="status">
<h1>${verdict.title}</h1>
<p>${escape(verdict.explanation)}</p>
</section>
<dl>
${rows.map(([label, value]) => `<dt>${escape(label)}</dt><dd>${escape(value)}</dd>`).join('\n')}
</dl>`,
  );
}

export function notFoundPage(): string {
  return page(
    'Dokumen tidak ditemukan',
    `<section class="verdict revoked" role="status">
<h1>DOKUMEN TIDAK DITEMUKAN</h1>
<p>Kode verifikasi ini tidak dikenal. Dokumen dengan kode QR ini bukan terbitan sistem ini, atau kodenya salah.</p>
<p><a href="/cek-dokumen">Ketik kode verifikasi yang tercetak pada dokumen</a></p>
</section>`,
  );
}

export function unavailablePage(): string {
  return page(
    'Layanan tidak tersedia',
    `<section class="verdict unknown" role="status">
<h1>BELUM DAPAT DIPERIKSA</h1>
<p>Layanan verifikasi sedang tidak tersedia. Silakan coba beberapa saat lagi.</p>
</section>`,
  );
}
