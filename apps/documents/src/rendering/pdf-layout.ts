import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { documentFonts, DocumentFont } from './document-fonts.js';

/**
 * Drawing primitives shared by the two documents. Pages have no margins as far as pdfkit knows:
 * every position is computed here, so pdfkit never inserts a page on its own and the page
 * breaks are ours (the tables repeat their header on a new page).
 */

export type Pdf = PDFKit.PDFDocument;

export const MM = 72 / 25.4;

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords?: string;
}

export function createPdf(metadata: PdfMetadata): Pdf {
  const fonts = documentFonts();
  const doc = new PDFDocument({
    // pdfkit would otherwise load Helvetica's metrics for every document only to replace it;
    // it takes a parsed fontkit font wherever it takes a font file (it checks for `layout`),
    // which its typings do not list.
    font: fonts.get(DocumentFont.SANS_CONDENSED) as unknown as string,
    autoFirstPage: false,
    // Pages are filled in with their footers once the page count is known.
    bufferPages: true,
    margin: 0,
    pdfVersion: '1.7',
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: metadata.title,
      Author: metadata.author,
      Subject: metadata.subject,
      // pdfkit hashes every info entry into the file ID and fails on an undefined one.
      ...(metadata.keywords === undefined ? {} : { Keywords: metadata.keywords }),
      Creator: 'Layanan Dokumen Disdukcapil',
      Producer: 'Layanan Dokumen Disdukcapil',
    },
  });
  for (const [name, font] of fonts) doc.registerFont(name, font as unknown as Buffer);
  return doc;
}

/** Ends the document and collects its bytes. */
export function finishPdf(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export interface TextStyle {
  font: DocumentFont;
  size: number;
  /** Smallest size the text may shrink to before it wraps instead (table cells). */
  minSize?: number;
}

export function useStyle(doc: Pdf, style: TextStyle): Pdf {
  return doc.font(style.font).fontSize(style.size);
}

/**
 * The QR code as vector squares (one filled path, horizontal runs merged): sharp at any zoom or
 * print resolution, and cheaper than encoding and embedding a PNG for every document.
 * Error correction M survives the smudges of a printed page; the caller leaves the quiet zone.
 */
export function drawQrCode(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const cell = size / count;
  doc.save();
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (modules.get(row, col) === 0) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && modules.get(row, col) !== 0) col++;
      // A hair of overlap between runs keeps anti-aliased viewers from drawing seams.
      doc.rect(x + start * cell, y + row * cell, (col - start) * cell + 0.05, cell + 0.05);
    }
  }
  doc.fillColor('black').fill();
  doc.restore();
}

/**
 * The font size at which `text` fits `width` on one line, down to the style's minimum; when even
 * that is too wide the text wraps, at the size where its longest word still fits (pdfkit would
 * otherwise break inside a word: "Kewarganegaraa-n"). An official label reads better smaller on
 * one line than broken over three.
 */
export function fitFontSize(doc: Pdf, text: string, width: number, style: TextStyle): number {
  useStyle(doc, style);
  const full = doc.widthOfString(text);
  if (full <= width) return style.size;
  const minSize = style.minSize ?? style.size;
  const oneLine = Math.floor(((style.size * width) / full) * 10) / 10;
  if (oneLine >= minSize) return oneLine;
  let longestWord = 0;
  for (const word of text.split(/\s+/)) longestWord = Math.max(longestWord, doc.widthOfString(word));
  return longestWord <= width ? style.size : Math.floor(((style.size * width) / longestWord) * 10) / 10;
}

export interface TextBoxOptions {
  width: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  lineGap?: number;
}

/** Writes text at an absolute position and returns the y below it. */
export function textAt(doc: Pdf, text: string, x: number, y: number, options: TextBoxOptions): number {
  doc.text(text, x, y, { width: options.width, align: options.align ?? 'left', lineGap: options.lineGap ?? 0 });
  return y + doc.heightOfString(text, { width: options.width, lineGap: options.lineGap ?? 0 });
}

export interface TableColumn {
  /** Header text; `\n` allowed. */
  header: string;
  width: number;
  align?: 'left' | 'center';
  /** Columns with the same group are headed together (`NAMA ORANG TUA` over Ayah and Ibu). */
  group?: string;
}

export interface TableStyle {
  header: TextStyle;
  body: TextStyle;
  numbering: TextStyle;
  padding: number;
  minRowHeight: number;
  lineWidth: number;
  headerFill: string;
}

export interface TableLayout {
  x: number;
  columns: readonly TableColumn[];
  /** Number printed under each header, as the real forms do: `(1)`, `(2)`, ... */
  firstColumnNumber: number;
  style: TableStyle;
}

interface Span {
  label: string;
  x: number;
  width: number;
  grouped: boolean;
  first: number;
  last: number;
}

function spansOf(layout: TableLayout): Span[] {
  const spans: Span[] = [];
  let x = layout.x;
  layout.columns.forEach((column, index) => {
    const previous = spans.at(-1);
    if (column.group !== undefined && previous?.grouped && previous.label === column.group) {
      previous.width += column.width;
      previous.last = index;
    } else {
      spans.push({
        label: column.group ?? column.header,
        x,
        width: column.width,
        grouped: column.group !== undefined,
        first: index,
        last: index,
      });
    }
    x += column.width;
  });
  return spans;
}

function columnX(layout: TableLayout, index: number): number {
  let x = layout.x;
  for (let i = 0; i < index; i++) x += layout.columns[i].width;
  return x;
}

function tableWidth(layout: TableLayout): number {
  return layout.columns.reduce((sum, column) => sum + column.width, 0);
}

function centeredText(
  doc: Pdf,
  text: string,
  x: number,
  top: number,
  width: number,
  height: number,
  padding: number,
  style: TextStyle,
) {
  const inner = width - 2 * padding;
  doc.fontSize(fitFontSize(doc, text, inner, style));
  const textHeight = doc.heightOfString(text, { width: inner, align: 'center' });
  doc.text(text, x + padding, top + Math.max(padding, (height - textHeight) / 2), { width: inner, align: 'center' });
}

/** Height the header of a table takes (two rows when a group is present, plus the numbering row). */
export function tableHeaderHeight(doc: Pdf, layout: TableLayout): number {
  const { style } = layout;
  useStyle(doc, style.header);
  const hasGroups = layout.columns.some((column) => column.group !== undefined);
  const lineHeight = doc.currentLineHeight(true);
  let tallest = 0;
  for (const column of layout.columns) {
    const inner = column.width - 2 * style.padding;
    doc.fontSize(fitFontSize(doc, column.header, inner, style.header));
    tallest = Math.max(tallest, doc.heightOfString(column.header, { width: inner }));
  }
  const labelRow = tallest + 2 * style.padding;
  const groupRow = hasGroups ? lineHeight + 2 * style.padding : 0;
  useStyle(doc, style.numbering);
  return groupRow + labelRow + doc.currentLineHeight(true) + 2;
}

/** Draws the header at `y`; returns the y where the first body row starts. */
export function drawTableHeader(doc: Pdf, layout: TableLayout, y: number): number {
  const { style } = layout;
  const total = tableHeaderHeight(doc, layout);
  useStyle(doc, style.header);
  const hasGroups = layout.columns.some((column) => column.group !== undefined);
  const groupRow = hasGroups ? doc.currentLineHeight(true) + 2 * style.padding : 0;
  useStyle(doc, style.numbering);
  const numberingRow = doc.currentLineHeight(true) + 2;
  const labelBottom = y + total - numberingRow;
  const width = tableWidth(layout);

  doc
    .save()
    .rect(layout.x, y, width, total - numberingRow)
    .fill(style.headerFill)
    .restore();
  doc.lineWidth(style.lineWidth).strokeColor('black');
  useStyle(doc, style.header);
  for (const span of spansOf(layout)) {
    if (span.grouped) {
      doc.rect(span.x, y, span.width, groupRow).stroke();
      centeredText(doc, span.label, span.x, y, span.width, groupRow, style.padding, style.header);
      for (let index = span.first; index <= span.last; index++) {
        const column = layout.columns[index];
        const x = columnX(layout, index);
        doc.rect(x, y + groupRow, column.width, labelBottom - y - groupRow).stroke();
        centeredText(
          doc,
          column.header,
          x,
          y + groupRow,
          column.width,
          labelBottom - y - groupRow,
          style.padding,
          style.header,
        );
      }
    } else {
      doc.rect(span.x, y, span.width, labelBottom - y).stroke();
      centeredText(doc, span.label, span.x, y, span.width, labelBottom - y, style.padding, style.header);
    }
  }
  useStyle(doc, style.numbering);
  layout.columns.forEach((column, index) => {
    const x = columnX(layout, index);
    doc.rect(x, labelBottom, column.width, numberingRow).stroke();
    doc.text(`(${layout.firstColumnNumber + index})`, x, labelBottom + 1.5, { width: column.width, align: 'center' });
  });
  return y + total;
}

export function tableRowHeight(doc: Pdf, layout: TableLayout, cells: readonly string[]): number {
  const { style } = layout;
  useStyle(doc, style.body);
  let tallest = doc.currentLineHeight(true);
  cells.forEach((text, index) => {
    const inner = layout.columns[index].width - 2 * style.padding;
    doc.fontSize(fitFontSize(doc, text, inner, style.body));
    tallest = Math.max(tallest, doc.heightOfString(text, { width: inner }));
  });
  return Math.max(style.minRowHeight, tallest + 2 * style.padding);
}

/** Draws one body row at `y` (the caller has checked it fits); returns the y below it. */
export function drawTableRow(doc: Pdf, layout: TableLayout, cells: readonly string[], y: number): number {
  const { style } = layout;
  const height = tableRowHeight(doc, layout, cells);
  useStyle(doc, style.body);
  doc.lineWidth(style.lineWidth).strokeColor('black');
  cells.forEach((text, index) => {
    const column = layout.columns[index];
    const x = columnX(layout, index);
    doc.rect(x, y, column.width, height).stroke();
    const inner = column.width - 2 * style.padding;
    doc.fontSize(fitFontSize(doc, text, inner, style.body));
    const textHeight = doc.heightOfString(text, { width: inner });
    doc.text(text, x + style.padding, y + (height - textHeight) / 2, { width: inner, align: column.align ?? 'left' });
  });
  return y + height;
}

export interface TableFlow {
  /** Lowest y a row may reach on the current page. */
  bottom: number;
  /** Starts a new page and returns the y where the table continues. */
  newPage: () => number;
}

/**
 * Draws a whole table from `y`, continuing on new pages with the header repeated when the rows
 * do not fit; returns the y below its last row.
 */
export function drawTable(
  doc: Pdf,
  layout: TableLayout,
  rows: readonly (readonly string[])[],
  y: number,
  flow: TableFlow,
): number {
  const headerHeight = tableHeaderHeight(doc, layout);
  // Never leave a header alone at the bottom of a page.
  if (rows.length > 0 && y + headerHeight + tableRowHeight(doc, layout, rows[0]) > flow.bottom) y = flow.newPage();
  let cursor = drawTableHeader(doc, layout, y);
  for (const row of rows) {
    if (cursor + tableRowHeight(doc, layout, row) > flow.bottom) {
      cursor = drawTableHeader(doc, layout, flow.newPage());
    }
    cursor = drawTableRow(doc, layout, row, cursor);
  }
  return cursor;
}
