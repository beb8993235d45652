import { Citizenship, dateToWords, formatIndonesianDate, numberToWords } from '#lib/domain';
import { DocumentFont } from '../../rendering/document-fonts.js';
import type { AktaKelahiranModel } from './akta-kelahiran.model.js';
import { electronicSignatureNotice } from '../../rendering/electronic-signature-notice.js';
import {
  createPdf,
  drawQrCode,
  finishPdf,
  MM,
  type Pdf,
  type TextStyle,
  textAt,
  useStyle,
} from '../../rendering/pdf-layout.js';
import { sexLabel, upper } from '../../rendering/print-labels.js';

/**
 * Kutipan Akta Kelahiran on A4 portrait, laid out as the civil registry's excerpt: heading,
 * citizenship, title and number, the child's NIK, then the registration sentence line by line
 * (the words of the form in plain type, the recorded facts in bold capitals, the birth date in
 * words so it cannot be altered by a stroke), and the issuing official with the QR code in place
 * of a wet signature.
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
function drawSentenceLine(doc: Pdf, parts: readonly { text: string; fact: boolean }[], y: number): number {
  const styleOf = (fact: boolean): TextStyle => (fact ? FACT_TEXT : FORM_TEXT);
  const width = parts.reduce((sum, part) => sum + useStyle(doc, styleOf(part.fact)).widthOfString(part.text), 0);
  const scale = Math.max(SENTENCE_MIN_SIZE / FACT_TEXT.size, Math.min(1, CONTENT_WIDTH / width));
  const sized = (fact: boolean): TextStyle => ({ ...styleOf(fact), size: styleOf(fact).size * scale });
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

function drawHeading(doc: Pdf, model: AktaKelahiranModel): number {
  let y = MARGIN + 8;
  useStyle(doc, { font: DocumentFont.SERIF_BOLD, size: 15 });
  doc.text('PENCATATAN SIPIL', MARGIN, y, { width: CONTENT_WIDTH, align: 'center' });
  y += 40;
  useStyle(doc, FORM_TEXT);
  doc.text('WARGA NEGARA', MARGIN, y, { width: 110 });
  doc.text(':', MARGIN + 110, y, { width: 10 });
  useStyle(doc, FACT_TEXT);
  const citizenship = (model.citizenship ?? Citizenship.WNI) === Citizenship.WNI ? 'INDONESIA' : 'ASING';
  doc.text(citizenship, MARGIN + 124, y, { width: CONTENT_WIDTH - 124 });
  y += 44;
  useStyle(doc, { font: DocumentFont.SERIF_BOLD, size: 20 });
  doc.text('KUTIPAN AKTA KELAHIRAN', MARGIN, y, { width: CONTENT_WIDTH, align: 'center' });
  y += 30;
  useStyle(doc, { font: DocumentFont.SERIF, size: 12 });
  doc.text(`Nomor ${model.certificateNumber}`, MARGIN, y, { width: CONTENT_WIDTH, align: 'center' });
  y += 48;
  useStyle(doc, FORM_TEXT);
  doc.text('NIK', MARGIN, y, { width: 110 });
  doc.text(':', MARGIN + 110, y, { width: 10 });
  useStyle(doc, FACT_TEXT);
  doc.text(model.childNik, MARGIN + 124, y, { width: CONTENT_WIDTH - 124 });
  return y + 44;
}

function drawSentence(doc: Pdf, model: AktaKelahiranModel, y: number): number {
  const form = (text: string) => ({ text, fact: false });
  const fact = (text: string) => ({ text, fact: true });
  y = drawSentenceLine(doc, [form('Bahwa di '), fact(upper(model.birthPlace))], y);
  y = drawSentenceLine(doc, [form('pada tanggal '), fact(dateToWords(model.birthDate))], y);
  y = drawSentenceLine(doc, [form('telah lahir '), fact(upper(model.childName))], y);
  y = drawSentenceLine(
    doc,
    [form('anak ke-'), fact(numberToWords(model.birthOrder)), form(' , '), fact(sexLabel(model.sex)), form(',')],
    y,
  );
  y = drawSentenceLine(doc, [form('dari ayah '), fact(upper(model.fatherName))], y);
  return drawSentenceLine(doc, [form('dan ibu '), fact(upper(model.motherName))], y);
}

function drawSignatureBlock(doc: Pdf, model: AktaKelahiranModel, y: number): number {
  // Wide enough for the official's title on one line.
  const width = 330;
  const x = PAGE_WIDTH - MARGIN - width;
  const text = { font: DocumentFont.SERIF, size: 10 } as const;
  useStyle(doc, text);
  y = textAt(doc, `${model.issuePlace}, ${formatIndonesianDate(model.issuedAt, 'long')}`, x, y, {
    width,
    align: 'center',
  });
  y += 4;
  y = textAt(doc, upper(model.official.title), x, y, { width, align: 'center' });
  y = textAt(doc, upper(model.issuingRegencyName), x, y, { width, align: 'center' });
  y += 8;
  drawQrCode(doc, model.verificationUrl, x + (width - QR_SIZE) / 2, y, QR_SIZE);
  y += QR_SIZE + 8;
  useStyle(doc, { font: DocumentFont.SERIF_BOLD, size: 10 });
  doc.text(upper(model.official.name), x, y, { width, align: 'center', underline: true });
  y += doc.currentLineHeight(true) + 2;
  useStyle(doc, text);
  return textAt(doc, `NIP. ${model.official.nip}`, x, y, { width, align: 'center' });
}

function drawFootnote(doc: Pdf, model: AktaKelahiranModel): void {
  const notice = electronicSignatureNotice(model.certificateIssuer);
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

export async function renderAktaKelahiran(model: AktaKelahiranModel): Promise<Buffer> {
  const doc = createPdf({
    title: `Kutipan Akta Kelahiran Nomor ${model.certificateNumber}`,
    author: `Dinas Kependudukan dan Pencatatan Sipil ${model.issuingRegencyName}`,
    subject: 'Kutipan Akta Kelahiran',
  });
  doc.addPage({ size: 'A4', layout: 'portrait', margin: 0 });
  drawFrame(doc);
  let y = drawHeading(doc, model);
  y = drawSentence(doc, model, y);
  drawSignatureBlock(doc, model, y + 24);
  drawFootnote(doc, model);
  return finishPdf(doc);
}
