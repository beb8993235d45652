import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { verificationCodeOf } from '#lib/domain';
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
    // A tagged PDF: screen readers read the text in the order it is drawn (below), in Indonesian.
    tagged: true,
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
  tagTextInDrawingOrder(doc);
  return doc;
}

type StructElement = PDFKit.PDFStructureElement;

/**
 * Where the text drawn now goes in the structure: a paragraph of the document (the default), a
 * child of a table cell, or nowhere (an artifact: the repeated header of a table on a new page,
 * the column numbers, the blank rows of the form).
 */
interface Tagging {
  root: StructElement;
  target: { parent: StructElement; type: string } | 'artifact' | undefined;
}

const taggings = new WeakMap<Pdf, Tagging>();

/**
 * Every piece of text becomes a paragraph of the document's structure, in the order the layouts
 * draw it (heading, body, table rows, signature): what a screen reader follows. Tables are
 * tagged as tables (Table, TR, TH with their scope, TD: `drawTable`), so a screen reader reads a
 * member's row cell by cell with its column's header. Lines, frames and the QR code are drawn
 * outside it, as decoration. pdfkit ends the structure with the document.
 */
function tagTextInDrawingOrder(doc: Pdf): void {
  const root = doc.struct('Document');
  doc.addStructure(root);
  const tagging: Tagging = { root, target: undefined };
  taggings.set(doc, tagging);
  const text = doc.text.bind(doc) as (...args: unknown[]) => Pdf;
  const tagged = (...args: unknown[]): Pdf => {
    const { target } = tagging;
    if (target === 'artifact') {
      doc.markContent('Artifact', { type: 'Pagination' });
      text(...args);
      doc.endMarkedContent();
      return doc;
    }
    // text(str, options?) or text(str, x?, y?, options?)
    const optionsAt = typeof args[1] === 'object' && args[1] !== null ? 1 : 3;
    const options = (args[optionsAt] as Record<string, unknown> | undefined) ?? {};
    const next = [...args];
    next[optionsAt] = { structParent: target?.parent ?? root, structType: target?.type ?? 'P', ...options };
    return text(...next);
  };
  doc.text = tagged;
}

/** Draws with the text tagged as `target` (see `Tagging`), then as before. */
function taggedAs<T>(doc: Pdf, target: Tagging['target'], draw: () => T): T {
  const tagging = taggings.get(doc);
  if (tagging === undefined) return draw();
  const previous = tagging.target;
  tagging.target = target;
  try {
    return draw();
  } finally {
    tagging.target = previous;
  }
}

/** A structure element under `parent`, with the table attributes of PDF 1.7 §14.8.5.7 when given. */
function structChild(
  doc: Pdf,
  parent: StructElement,
  type: string,
  table?: { scope?: 'Column' | 'Row'; rowSpan?: number; colSpan?: number },
): StructElement {
  const element = doc.struct(type);
  if (table !== undefined) {
    const attributes: Record<string, unknown> = { O: 'Table' };
    if (table.scope) attributes['Scope'] = table.scope;
    if (table.rowSpan && table.rowSpan > 1) attributes['RowSpan'] = table.rowSpan;
    if (table.colSpan && table.colSpan > 1) attributes['ColSpan'] = table.colSpan;
    (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data['A'] = attributes;
  }
  parent.add(element);
  return element;
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
  drawVerificationCaption(doc, text, x + size + 6, y, size);
}

/** The width the caption beside a QR code takes (the layouts leave this much to its right). */
export const VERIFICATION_CAPTION_WIDTH = 110;

/**
 * Beside the QR code, for whoever cannot scan it: the verification code (the QR's token in a
 * form people can read and type) and the short address of the page that checks it. Nothing is
 * printed for a QR text that is not a verification address.
 */
function drawVerificationCaption(doc: Pdf, url: string, x: number, y: number, height: number): void {
  const parsed = /^(https?:\/\/[^/]+)\/verifikasi\/([A-Za-z0-9_-]+)$/.exec(url);
  const code = parsed ? verificationCodeOf(parsed[2]) : undefined;
  if (!parsed || !code) return;
  const host = parsed[1].replace(/^https?:\/\//, '');
  const groups = code.split('-');
  doc.save();
  // The document's current font: each font used is embedded, and the caption needs no other.
  doc.fontSize(6.5);
  const address = `${host}/cek-dokumen`;
  const lines = [
    'Kode verifikasi:',
    groups.slice(0, 4).join('-'),
    groups.slice(4).join('-'),
    'Periksa di:',
    // A long host name: the path on a line of its own rather than broken mid-word.
    ...(doc.widthOfString(address) <= VERIFICATION_CAPTION_WIDTH ? [address] : [host, '/cek-dokumen']),
  ];
  const lineHeight = doc.currentLineHeight(true);
  const top = y + Math.max(0, (height - lines.length * lineHeight) / 2);
  lines.forEach((line, index) =>
    doc.fillColor('black').text(line, x, top + index * lineHeight, {
      width: VERIFICATION_CAPTION_WIDTH,
      lineBreak: false,
    }),
  );
  doc.restore();
}

/** A piece of text measured for a box: its size after fitting, and whether it wraps. */
export interface FittedText {
  text: string;
  style: TextStyle;
  /** Width of the text on one line, at the fitted size. */
  width: number;
  height: number;
  wraps: boolean;
}

/**
 * Fits `text` into `width`: at the style's size when it fits on one line, else at a smaller size
 * down to the style's minimum; when even that is too wide the text wraps, at the size where its
 * longest word still fits (pdfkit would otherwise break inside a word: "Kewarganegaraa-n"). An
 * official label reads better smaller on one line than broken over three.
 */
export function fitText(doc: Pdf, text: string, width: number, style: TextStyle): FittedText {
  useStyle(doc, style);
  if (text === '') return { text, style, width: 0, height: doc.currentLineHeight(true), wraps: false };
  // Widths scale linearly with the size: measure once, at the style's size.
  const full = doc.widthOfString(text);
  let size = style.size;
  if (full > width) {
    const oneLine = Math.floor(((style.size * width) / full) * 10) / 10;
    if (oneLine >= (style.minSize ?? style.size)) {
      size = oneLine;
    } else {
      let longestWord = 0;
      for (const word of text.split(/\s+/)) longestWord = Math.max(longestWord, doc.widthOfString(word));
      if (longestWord > width) size = Math.floor(((style.size * width) / longestWord) * 10) / 10;
    }
  }
  const fitted = { ...style, size };
  useStyle(doc, fitted);
  const textWidth = (full * size) / style.size;
  if (textWidth <= width + 0.01) {
    return { text, style: fitted, width: textWidth, height: doc.currentLineHeight(true), wraps: false };
  }
  return { text, style: fitted, width: textWidth, height: doc.heightOfString(text, { width }), wraps: true };
}

/**
 * Draws fitted text in a box of `width` at (x, y). One-line text is placed directly: pdfkit's
 * line wrapper, needed only for text that wraps, was most of the cost of a table.
 */
export function drawFitted(
  doc: Pdf,
  fitted: FittedText,
  x: number,
  y: number,
  width: number,
  align: 'left' | 'center' | 'right',
  underline = false,
): void {
  if (fitted.text === '') return;
  useStyle(doc, fitted.style);
  if (fitted.wraps) {
    doc.text(fitted.text, x, y, { width, align, underline });
    return;
  }
  const offset = align === 'center' ? (width - fitted.width) / 2 : align === 'right' ? width - fitted.width : 0;
  doc.text(fitted.text, x + offset, y, { lineBreak: false, underline });
}

export interface LineOptions {
  align?: 'left' | 'center' | 'right';
  underline?: boolean;
}

/**
 * One line of text in a box of `width`, shrunk to the style's minimum (default: 80% of its size)
 * before it wraps; returns its height. For names and titles whose length the layout cannot know.
 */
export function textLine(
  doc: Pdf,
  text: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle,
  options: LineOptions = {},
): number {
  const fitted = fitText(doc, text, width, { ...style, minSize: style.minSize ?? style.size * 0.8 });
  drawFitted(doc, fitted, x, y, width, options.align ?? 'left', options.underline);
  return fitted.height;
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

function columnXs(layout: TableLayout): number[] {
  const xs: number[] = [];
  let x = layout.x;
  for (const column of layout.columns) {
    xs.push(x);
    x += column.width;
  }
  return xs;
}

function tableWidth(layout: TableLayout): number {
  return layout.columns.reduce((sum, column) => sum + column.width, 0);
}

interface HeaderMeasure {
  groupRow: number;
  labelRow: number;
  numberingRow: number;
  total: number;
  spans: Span[];
  groups: Map<Span, FittedText>;
  labels: FittedText[];
  xs: number[];
}

// Header measurements depend only on the layout and the process-wide fonts: measured once.
const headerMeasures = new WeakMap<TableLayout, HeaderMeasure>();

function measureHeader(doc: Pdf, layout: TableLayout): HeaderMeasure {
  const known = headerMeasures.get(layout);
  if (known !== undefined) return known;
  const { style } = layout;
  const spans = spansOf(layout);
  const groups = new Map<Span, FittedText>();
  for (const span of spans) {
    if (span.grouped) groups.set(span, fitText(doc, span.label, span.width - 2 * style.padding, style.header));
  }
  const labels = layout.columns.map((column) =>
    fitText(doc, column.header, column.width - 2 * style.padding, style.header),
  );
  useStyle(doc, style.header);
  const groupRow = groups.size > 0 ? doc.currentLineHeight(true) + 2 * style.padding : 0;
  const labelRow = Math.max(...labels.map((label) => label.height)) + 2 * style.padding;
  useStyle(doc, style.numbering);
  const numberingRow = doc.currentLineHeight(true) + 2;
  const measure = {
    groupRow,
    labelRow,
    numberingRow,
    total: groupRow + labelRow + numberingRow,
    spans,
    groups,
    labels,
    xs: columnXs(layout),
  };
  headerMeasures.set(layout, measure);
  return measure;
}

/** Draws `fitted` centred in a cell. */
function drawCentred(
  doc: Pdf,
  fitted: FittedText,
  x: number,
  top: number,
  width: number,
  height: number,
  padding: number,
) {
  drawFitted(
    doc,
    fitted,
    x + padding,
    top + Math.max(padding, (height - fitted.height) / 2),
    width - 2 * padding,
    'center',
  );
}

/** Height the header of a table takes (two rows when a group is present, plus the numbering row). */
export function tableHeaderHeight(doc: Pdf, layout: TableLayout): number {
  return measureHeader(doc, layout).total;
}

/**
 * Draws the header at `y`; returns the y where the first body row starts. With `table`, its
 * labels become the table's header cells (TH, scope Column; a group heads its columns with
 * ColSpan, the others span both rows); without it (the header repeated on a new page) they are
 * artifacts, read once. The column numbers `(1)`, `(2)`, ... are always artifacts.
 */
export function drawTableHeader(doc: Pdf, layout: TableLayout, y: number, table?: StructElement): number {
  const { style } = layout;
  const header = measureHeader(doc, layout);
  const labelBottom = y + header.groupRow + header.labelRow;
  const grouped = header.groups.size > 0;
  const firstRow = table ? structChild(doc, table, 'TR') : undefined;
  const secondRow = table && grouped ? structChild(doc, table, 'TR') : undefined;
  const cell = (row: StructElement | undefined, spans: { rowSpan?: number; colSpan?: number }): Tagging['target'] =>
    row ? { parent: structChild(doc, row, 'TH', { scope: 'Column', ...spans }), type: 'Span' } : 'artifact';
  doc
    .save()
    .rect(layout.x, y, tableWidth(layout), labelBottom - y)
    .fill(style.headerFill)
    .restore();
  doc.lineWidth(style.lineWidth).strokeColor('black').fillColor('black');
  for (const span of header.spans) {
    const group = header.groups.get(span);
    if (group !== undefined) {
      doc.rect(span.x, y, span.width, header.groupRow).stroke();
      const target = cell(firstRow, { colSpan: span.last - span.first + 1 });
      taggedAs(doc, target, () => drawCentred(doc, group, span.x, y, span.width, header.groupRow, style.padding));
    }
    const top = group === undefined ? y : y + header.groupRow;
    for (let index = span.first; index <= span.last; index++) {
      const column = layout.columns[index];
      const x = header.xs[index];
      doc.rect(x, top, column.width, labelBottom - top).stroke();
      const target = group === undefined ? cell(firstRow, { rowSpan: grouped ? 2 : 1 }) : cell(secondRow, {});
      taggedAs(doc, target, () =>
        drawCentred(doc, header.labels[index], x, top, column.width, labelBottom - top, style.padding),
      );
    }
  }
  useStyle(doc, style.numbering);
  taggedAs(doc, 'artifact', () =>
    layout.columns.forEach((column, index) => {
      const x = header.xs[index];
      doc.rect(x, labelBottom, column.width, header.numberingRow).stroke();
      const number = `(${layout.firstColumnNumber + index})`;
      doc.text(number, x + (column.width - doc.widthOfString(number)) / 2, labelBottom + 1.5, { lineBreak: false });
    }),
  );
  return y + header.total;
}

/** A body row measured once, for the page-break decision and for drawing. */
export interface MeasuredRow {
  height: number;
  cells: FittedText[];
}

export function measureRow(doc: Pdf, layout: TableLayout, cells: readonly string[]): MeasuredRow {
  const { style } = layout;
  const fitted = cells.map((text, index) =>
    fitText(doc, text, layout.columns[index].width - 2 * style.padding, style.body),
  );
  const tallest = Math.max(...fitted.map((cell) => cell.height));
  return { height: Math.max(style.minRowHeight, tallest + 2 * style.padding), cells: fitted };
}

/**
 * Draws one measured body row at `y` (the caller has checked it fits); returns the y below it.
 * With `table`, the row is a TR of the table and each cell a TD (an empty TD for an empty cell,
 * so every value stays under its header); a row with no text at all (the form's blank rows) is
 * drawn as an artifact.
 */
export function drawTableRow(
  doc: Pdf,
  layout: TableLayout,
  row: MeasuredRow,
  y: number,
  table?: StructElement,
): number {
  const { style } = layout;
  const xs = measureHeader(doc, layout).xs;
  const blank = row.cells.every((cell) => cell.text === '');
  const tr = table && !blank ? structChild(doc, table, 'TR') : undefined;
  doc.lineWidth(style.lineWidth).strokeColor('black');
  row.cells.forEach((cell, index) => {
    const column = layout.columns[index];
    doc.rect(xs[index], y, column.width, row.height).stroke();
    const target: Tagging['target'] = tr ? { parent: structChild(doc, tr, 'TD'), type: 'Span' } : 'artifact';
    taggedAs(doc, target, () =>
      drawFitted(
        doc,
        cell,
        xs[index] + style.padding,
        y + (row.height - cell.height) / 2,
        column.width - 2 * style.padding,
        column.align ?? 'left',
      ),
    );
  });
  return y + row.height;
}

export interface TableFlow {
  /** Lowest y a row may reach on the current page. */
  bottom: number;
  /** Starts a new page and returns the y where the table continues. */
  newPage: () => number;
  /**
   * Height that must follow the last row on its page (a signature block): when it does not fit,
   * the last row moves to the next page with it, so that no page carries the block alone.
   */
  keepWithLastRow?: number;
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
  const measured = rows.map((row) => measureRow(doc, layout, row));
  const headerHeight = tableHeaderHeight(doc, layout);
  // Never leave a header alone at the bottom of a page.
  if (measured.length > 0 && y + headerHeight + measured[0].height > flow.bottom) y = flow.newPage();
  // One Table element for the whole table, across pages; the header repeated on a new page is an artifact.
  const tagging = taggings.get(doc);
  const table = tagging ? structChild(doc, tagging.root, 'Table') : undefined;
  let cursor = drawTableHeader(doc, layout, y, table);
  measured.forEach((row, index) => {
    const last = index === measured.length - 1;
    const needed = row.height + (last ? (flow.keepWithLastRow ?? 0) : 0);
    if (cursor + needed > flow.bottom) cursor = drawTableHeader(doc, layout, flow.newPage());
    cursor = drawTableRow(doc, layout, row, cursor, table);
  });
  table?.end();
  return cursor;
}
