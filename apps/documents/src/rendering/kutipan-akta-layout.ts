import { Citizenship, formatIndonesianDate } from '#lib/domain';
import { DocumentFont } from './document-fonts.js';
import type { IssuanceDetails } from './document-models.js';
import { electronicSignatureNotice } from './electronic-signature-notice.js';
import { createPdf, drawQrCode, finishPdf, MM, type Pdf, type TextStyle, textAt, useStyle } from './pdf-layout.js';
import { upper } from './print-labels.js';

/**
 * The page every Kutipan Akta shares (kelahiran, kematian) on A4 portrait, laid out as the civil
 * registry's excerpt: heading, citizenship, title, the person's NIK, then the registration
 * sentence line by line (the words of the form in plain type, the recorded facts in bold
 * capitals, dates in words so they cannot be altered by a stroke), and the issuing official with
 * the QR code in place of a wet signature. Each kind of akta writes only its sentence.
 */

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const FRAME_INSET = 12 * MM;
const MARGIN = 22 * MM;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const QR_SIZE = 78;

const FORM_TEXT: TextStyle = { font: DocumentFont.SERIF, size: 12 };
const FACT_TEXT: TextStyle = { font: DocumentFont.SERIF_BOLD, size: 12 };
/** The longest date in words ("DUA PULUH DELAPAN SEPTEMBER ...") shrinks to this before wrapping. */
const SENTENCE_MIN_SIZE = 10;
const SENTENCE_LINE_GAP = 16;

/** A piece of one line of the sentence: a word of the form, or a recorded fact. */
export interface SentencePart {
  text: string;
  fact: boolean;
}
export const form = (text: string): SentencePart => ({ text, fact: false });
export const fact = (text: string): SentencePart => ({ text, fact: true });

export interface KutipanAkta extends IssuanceDetails {
  /** `KUTIPAN AKTA KEMATIAN` */
  title: string;
  /** Printed under the title (`Nomor …`) when given; an akta whose sentence names it leaves it out. */
  numberLine?: string;
  /** PDF metadata: `Kutipan Akta Kematian Nomor 1602-KM-28112026-0001`. */
  documentTitle: string;
  /** PDF metadata: `Kutipan Akta Kematian`. */
  subject: string;
  nik: string;
  /** Place of issue, printed before the date: `Kayuagung`. */
  issuePlace: string;
  citizenship?: Citizenship;
  /** The sentence, one array of parts a line. */
  sentence: readonly (readonly SentencePart[])[];
}

function drawFrame(doc: Pdf): void {
  const outer = FRAME_INSET;
  doc.save();
  doc
    .lineWidth(1.6)
    .strokeColor('#1f3b63')
    .rect(outer, outer, PAGE_WIDTH - 2 * outer, PAGE_HEIGHT - 2 * outer)
    .stroke();
  doc
    .lineWidth(0.5)
    .rect(outer + 3.5, outer + 3.5, PAGE_WIDTH - 2 * outer - 7, PAGE_HEIGHT - 2 * outer - 7)
    .stroke();
  doc.restore();
}

/**
 * One line of the sentence: parts alternate between form words and recorded facts. The line
 * shrinks (to SENTENCE_MIN_SIZE) rather than wrap, as a typed certificate keeps one fact a line.
 */
function drawSentenceLine(doc: Pdf, parts: readonly SentencePart[], y: number): number {
  const styleOf = (isFact: boolean): TextStyle => (isFact ? FACT_TEXT : FORM_TEXT);
  const width = parts.reduce((sum, part) => sum + useStyle(doc, styleOf(part.fact)).widthOfString(part.text), 0);
  const scale = Math.max(SENTENCE_MIN_SIZE / FACT_TEXT.size, Math.min(1, CONTENT_WIDTH / width));
  const sized = (isFact: boolean): TextStyle => ({ ...styleOf(isFact), size: styleOf(isFact).size * scale });
  const height = Math.max(
    ...parts.map((part) => {
      useStyle(doc, sized(part.fact));
      return doc.currentLineHeight(true);
    }),
  );
  parts.forEach((part, index) => {
    useStyle(doc, sized(part.fact));
    const last = index === parts.length - 1;
    if (index === 0) doc.text(part.text, MARGIN, y, { width: CONTENT_WIDTH, continued: !last });
    else doc.text(part.text, { continued: !last });
  });
  // A long name may wrap: continue below wherever pdfkit left the cursor.
  return Math.max(y + height, doc.y) + SENTENCE_LINE_GAP;
}

function drawHeading(doc: Pdf, akta: KutipanAkta): number {
  let y = MARGIN + 8;
  useStyle(doc, { font: DocumentFont.SERIF_BOLD, size: 15 });
  doc.text('PENCATATAN SIPIL', MARGIN, y, { width: CONTENT_WIDTH, align: 'center' });
  y += 40;
  useStyle(doc, FORM_TEXT);
  doc.text('WARGA NEGARA', MARGIN, y, { width: 110 });
  doc.text(':', MARGIN + 110, y, { width: 10 });
  useStyle(doc, FACT_TEXT);
  const citizenship = (akta.citizenship ?? Citizenship.WNI) === Citizenship.WNI ? 'INDONESIA' : 'ASING';
  doc.text(citizenship, MARGIN + 124, y, { width: CONTENT_WIDTH - 124 });
  y += 44;
  useStyle(doc, { font: DocumentFont.SERIF_BOLD, size: 20 });
  doc.text(akta.title, MARGIN, y, { width: CONTENT_WIDTH, align: 'center' });
  y += 30;
  if (akta.numberLine !== undefined) {
    useStyle(doc, { font: DocumentFont.SERIF, size: 12 });
    doc.text(akta.numberLine, MARGIN, y, { width: CONTENT_WIDTH, align: 'center' });
  }
  y += 48;
  useStyle(doc, FORM_TEXT);
  doc.text('NIK', MARGIN, y, { width: 110 });
  doc.text(':', MARGIN + 110, y, { width: 10 });
  useStyle(doc, FACT_TEXT);
  doc.text(akta.nik, MARGIN + 124, y, { width: CONTENT_WIDTH - 124 });
  return y + 44;
}

function drawSignatureBlock(doc: Pdf, akta: KutipanAkta, y: number): number {
  // Wide enough for the official's title on one line.
  const width = 330;
  const x = PAGE_WIDTH - MARGIN - width;
  const text = { font: DocumentFont.SERIF, size: 10 } as const;
  useStyle(doc, text);
  y = textAt(doc, `${akta.issuePlace}, ${formatIndonesianDate(akta.issuedAt, 'long')}`, x, y, {
    width,
    align: 'center',
  });
  y += 4;
  y = textAt(doc, upper(akta.official.title), x, y, { width, align: 'center' });
  y = textAt(doc, upper(akta.issuingRegencyName), x, y, { width, align: 'center' });
  y += 8;
  drawQrCode(doc, akta.verificationUrl, x + (width - QR_SIZE) / 2, y, QR_SIZE);
  y += QR_SIZE + 8;
  useStyle(doc, { font: DocumentFont.SERIF_BOLD, size: 10 });
  doc.text(upper(akta.official.name), x, y, { width, align: 'center', underline: true });
  y += doc.currentLineHeight(true) + 2;
  useStyle(doc, text);
  return textAt(doc, `NIP. ${akta.official.nip}`, x, y, { width, align: 'center' });
}

function drawFootnote(doc: Pdf, akta: KutipanAkta): void {
  const notice = electronicSignatureNotice(akta.certificateIssuer);
  // The excerpt's own serif, not a third font: each font used is embedded per document.
  useStyle(doc, { font: DocumentFont.SERIF, size: 6.8 });
  const height = doc.heightOfString(notice.join('\n'), { width: CONTENT_WIDTH, lineGap: 1 });
  const top = PAGE_HEIGHT - FRAME_INSET - 16 - height;
  doc.lineWidth(0.4).strokeColor('#555555');
  doc
    .moveTo(MARGIN, top - 6)
    .lineTo(PAGE_WIDTH - MARGIN, top - 6)
    .stroke();
  doc.fillColor('black').text(notice.join('\n'), MARGIN, top, { width: CONTENT_WIDTH, lineGap: 1 });
}

export async function renderKutipanAkta(akta: KutipanAkta): Promise<Buffer> {
  const doc = createPdf({
    title: akta.documentTitle,
    author: `Dinas Kependudukan dan Pencatatan Sipil ${akta.issuingRegencyName}`,
    subject: akta.subject,
  });
  doc.addPage({ size: 'A4', layout: 'portrait', margin: 0 });
  drawFrame(doc);
  let y = drawHeading(doc, akta);
  for (const line of akta.sentence) y = drawSentenceLine(doc, line, y);
  drawSignatureBlock(doc, akta, y + 24);
  drawFootnote(doc, akta);
  return finishPdf(doc);
}
