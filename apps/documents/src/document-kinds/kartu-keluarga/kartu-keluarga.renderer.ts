import { DocumentFont } from '../../rendering/document-fonts.js';
import type { KartuKeluargaMember, KartuKeluargaModel } from './kartu-keluarga.model.js';
import { electronicSignatureNotice } from '../../rendering/electronic-signature-notice.js';
import {
  createPdf,
  drawFitted,
  drawQrCode,
  drawTable,
  fitText,
  finishPdf,
  MM,
  type Pdf,
  type TableLayout,
  type TableStyle,
  textAt,
  textLine,
  useStyle,
} from '../../rendering/pdf-layout.js';
import {
  bloodTypeLabel,
  citizenshipLabel,
  maritalStatusLabel,
  numericDate,
  orDash,
  relationshipLabel,
  religionLabel,
  rtRw,
  sexLabel,
  upper,
} from '../../rendering/print-labels.js';

/**
 * Kartu Keluarga on A4 landscape, laid out as the SIAK card: title and number, the address
 * block in two columns, the two member tables with numbered columns, and at the foot the head of
 * the family on the left and the signing official (QR code in place of a wet signature) on the
 * right. A family too large for one page continues on the next with the table header repeated;
 * the signature block always follows the last row.
 */

const PAGE_WIDTH = 841.89;
const PAGE_HEIGHT = 595.28;
const MARGIN = 10 * MM;
// Top and bottom are tighter than the sides so that ten members, the rows of the printed form,
// fit on one page with the signature block.
const TOP = 8 * MM;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const FOOTER_HEIGHT = 24;
const FOOTER_TOP = PAGE_HEIGHT - 8 * MM - FOOTER_HEIGHT;
const QR_SIZE = 58;
/** The printed form has ten rows per table; a smaller family leaves the rest blank. */
const FORM_ROWS = 10;

const TABLE_STYLE: TableStyle = {
  header: { font: DocumentFont.SANS_CONDENSED_BOLD, size: 7, minSize: 6 },
  // Long values (KEPERCAYAAN TERHADAP TUHAN YME, BELUM TAMAT SD/SEDERAJAT) wrap in their cell
  // rather than shrink below a readable size (DOMAIN.md "Documents").
  body: { font: DocumentFont.SANS_CONDENSED, size: 7.2, minSize: 6.8 },
  numbering: { font: DocumentFont.SANS_CONDENSED, size: 5.5 },
  padding: 1.8,
  minRowHeight: 11,
  lineWidth: 0.5,
  headerFill: '#ececec',
};

const MEMBERS_TABLE: TableLayout = {
  x: MARGIN,
  firstColumnNumber: 1,
  style: TABLE_STYLE,
  columns: [
    { header: 'No', width: 18, align: 'center' },
    // Each column is as wide as its longest official label at the body size (KEPERCAYAAN TERHADAP
    // TUHAN YME, AKADEMI/DIPLOMA III/S. MUDA, TENTARA NASIONAL INDONESIA (TNI), TIDAK TAHU), so
    // those print on one line; a long name or place wraps in its cell.
    { header: 'Nama Lengkap', width: 132 },
    { header: 'NIK', width: 70, align: 'center' },
    { header: 'Jenis Kelamin', width: 44, align: 'center' },
    { header: 'Tempat Lahir', width: 80 },
    { header: 'Tanggal Lahir', width: 42, align: 'center' },
    { header: 'Agama', width: 128, align: 'center' },
    { header: 'Pendidikan', width: 103 },
    { header: 'Jenis Pekerjaan', width: 125 },
    { header: 'Golongan Darah', width: CONTENT_WIDTH - 742, align: 'center' },
  ],
};

const STATUS_TABLE: TableLayout = {
  x: MARGIN,
  firstColumnNumber: 11,
  style: TABLE_STYLE,
  columns: [
    { header: 'No', width: 18, align: 'center' },
    { header: 'Status Perkawinan', width: 108, align: 'center' },
    { header: 'Tanggal Perkawinan', width: 56, align: 'center' },
    { header: 'Status Hubungan Dalam Keluarga', width: 80, align: 'center' },
    { header: 'Kewarganegaraan', width: 64, align: 'center' },
    { header: 'No. Paspor', width: 70, align: 'center', group: 'Dokumen Imigrasi' },
    { header: 'No. KITAP', width: 70, align: 'center', group: 'Dokumen Imigrasi' },
    { header: 'Nama Ayah', width: 155, group: 'Nama Orang Tua' },
    { header: 'Nama Ibu', width: CONTENT_WIDTH - 621, group: 'Nama Orang Tua' },
  ],
};

// One family (regular and bold condensed) for the whole card: every font used is embedded as a
// subset per document, and subsetting is the largest cost of a render.
const ADDRESS_LABEL = { font: DocumentFont.SANS_CONDENSED, size: 8.5 } as const;
const ADDRESS_VALUE = { font: DocumentFont.SANS_CONDENSED_BOLD, size: 8.5 } as const;
const BLOCK_TEXT = { font: DocumentFont.SANS_CONDENSED, size: 8 } as const;
const BLOCK_BOLD = { font: DocumentFont.SANS_CONDENSED_BOLD, size: 8 } as const;
const FOOTER_TEXT = { font: DocumentFont.SANS_CONDENSED, size: 6.5 } as const;
const CENTER = { align: 'center' } as const;
const RIGHT = { align: 'right' } as const;

function memberRow(member: KartuKeluargaMember, index: number): string[] {
  return [
    String(index + 1),
    upper(member.fullName),
    member.nik,
    sexLabel(member.sex),
    upper(member.birthPlace),
    numericDate(member.birthDate),
    religionLabel(member.religion),
    member.education,
    member.occupation,
    bloodTypeLabel(member.bloodType),
  ];
}

function statusRow(member: KartuKeluargaMember, index: number): string[] {
  return [
    String(index + 1),
    maritalStatusLabel(member.maritalStatus),
    numericDate(member.marriageDate),
    relationshipLabel(member.relationship),
    citizenshipLabel(member.citizenship),
    orDash(member.passportNumber),
    orDash(member.kitapNumber),
    upper(member.fatherName),
    upper(member.motherName),
  ];
}

function drawTitle(doc: Pdf, model: KartuKeluargaModel): number {
  // No letter spacing: pdftotext would read spaced capitals as separate words.
  textLine(
    doc,
    'KARTU KELUARGA',
    MARGIN,
    TOP,
    CONTENT_WIDTH,
    { font: DocumentFont.SANS_CONDENSED_BOLD, size: 15 },
    CENTER,
  );
  const number = `No. ${model.familyCardNumber}`;
  textLine(
    doc,
    number,
    MARGIN,
    TOP + 19,
    CONTENT_WIDTH,
    { font: DocumentFont.SANS_CONDENSED_BOLD, size: 10.5 },
    CENTER,
  );
  return TOP + 38;
}

/** One column of `Label : VALUE` lines; returns the y below it. */
function drawLabelledLines(doc: Pdf, lines: [string, string][], x: number, y: number, width: number): number {
  const labelWidth = 108;
  const valueX = x + labelWidth + 10;
  for (const [label, value] of lines) {
    const labelHeight = textLine(doc, label, x, y, labelWidth, ADDRESS_LABEL);
    textLine(doc, ':', x + labelWidth, y, 8, ADDRESS_LABEL);
    // A long address wraps rather than shrinking away.
    const fitted = fitText(doc, value, width - labelWidth - 10, ADDRESS_VALUE);
    drawFitted(doc, fitted, valueX, y, width - labelWidth - 10, 'left');
    y += Math.max(labelHeight, fitted.height) + 1.5;
  }
  return y;
}

function drawAddressBlock(doc: Pdf, model: KartuKeluargaModel, y: number): number {
  const columnWidth = CONTENT_WIDTH / 2 - 20;
  const left = drawLabelledLines(
    doc,
    [
      ['Nama Kepala Keluarga', upper(model.headName)],
      ['Alamat', upper(model.address)],
      ['RT/RW', rtRw(model.rt, model.rw)],
      ['Desa/Kelurahan', upper(model.villageName)],
    ],
    MARGIN,
    y,
    columnWidth,
  );
  const right = drawLabelledLines(
    doc,
    [
      ['Kecamatan', upper(model.districtName)],
      ['Kabupaten/Kota', upper(model.regencyName)],
      ['Kode Pos', model.postalCode],
      ['Provinsi', upper(model.provinceName)],
    ],
    MARGIN + CONTENT_WIDTH / 2 + 60,
    y,
    columnWidth - 60,
  );
  return Math.max(left, right) + 6;
}

function drawContinuationTitle(doc: Pdf, model: KartuKeluargaModel): number {
  useStyle(doc, { font: DocumentFont.SANS_CONDENSED_BOLD, size: 10 });
  doc.text(`KARTU KELUARGA No. ${model.familyCardNumber} (lanjutan)`, MARGIN, TOP, {
    width: CONTENT_WIDTH,
    align: 'center',
  });
  return TOP + 20;
}

function signatureBlockHeight(doc: Pdf): number {
  useStyle(doc, BLOCK_TEXT);
  return 4 * (doc.currentLineHeight(true) + 1.5) + QR_SIZE + 8;
}

/**
 * The foot of the card: date of issue and the head of the family on the left, the signing
 * official on the right with the QR code where the wet signature used to be.
 */
function drawSignatureBlock(doc: Pdf, model: KartuKeluargaModel, y: number): void {
  useStyle(doc, BLOCK_TEXT);
  const line = doc.currentLineHeight(true) + 1.5;
  const rightWidth = 300;
  const rightX = PAGE_WIDTH - MARGIN - rightWidth;
  const qrY = y + 2 * line + 3;
  const nameY = qrY + QR_SIZE + 3;

  const leftWidth = 220;
  const leftX = MARGIN + 40;
  textLine(doc, `Dikeluarkan Tanggal : ${numericDate(model.issuedAt)}`, leftX, y, leftWidth, BLOCK_TEXT, CENTER);
  textLine(doc, 'KEPALA KELUARGA', leftX, y + line, leftWidth, BLOCK_TEXT, CENTER);
  textLine(doc, upper(model.headName), leftX, nameY, leftWidth, BLOCK_BOLD, CENTER);

  textLine(doc, upper(model.official.title), rightX, y, rightWidth, BLOCK_TEXT, CENTER);
  textLine(doc, upper(model.issuingRegencyName), rightX, y + line, rightWidth, BLOCK_TEXT, CENTER);
  drawQrCode(doc, model.verificationUrl, rightX + (rightWidth - QR_SIZE) / 2, qrY, QR_SIZE);
  // As the official writes it: degrees keep their own case ("Drs. … , M.Si.").
  textLine(doc, model.official.name, rightX, nameY, rightWidth, BLOCK_BOLD, { ...CENTER, underline: true });
  textLine(doc, `NIP. ${model.official.nip}`, rightX, nameY + line, rightWidth, BLOCK_TEXT, CENTER);
}

/** Footnote on every page, and the page count once a card runs over one page. */
function drawFooters(doc: Pdf, model: KartuKeluargaModel): void {
  const range = doc.bufferedPageRange();
  const notice = electronicSignatureNotice(model.certificateIssuer);
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index);
    doc.lineWidth(0.4).strokeColor('#555555');
    doc
      .moveTo(MARGIN, FOOTER_TOP)
      .lineTo(PAGE_WIDTH - MARGIN, FOOTER_TOP)
      .stroke();
    useStyle(doc, FOOTER_TEXT);
    const right = [
      model.documentNumber === undefined ? undefined : `No. Dokumen: ${model.documentNumber}`,
      range.count > 1 ? `Halaman ${index + 1} dari ${range.count}` : undefined,
    ]
      .filter((part) => part !== undefined)
      .join('   ');
    const noticeWidth = CONTENT_WIDTH - (right === '' ? 0 : 150);
    textAt(doc, notice.join(' '), MARGIN, FOOTER_TOP + 3, { width: noticeWidth, lineGap: 0.5 });
    if (right !== '') textLine(doc, right, PAGE_WIDTH - MARGIN - 140, FOOTER_TOP + 3, 140, FOOTER_TEXT, RIGHT);
  }
}

export async function renderKartuKeluarga(model: KartuKeluargaModel): Promise<Buffer> {
  const doc = createPdf({
    title: `Kartu Keluarga No. ${model.familyCardNumber}`,
    author: `Dinas Kependudukan dan Pencatatan Sipil ${model.issuingRegencyName}`,
    subject: 'Kartu Keluarga',
  });
  const newPage = (): number => {
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    return drawContinuationTitle(doc, model);
  };
  const flow = { bottom: FOOTER_TOP - 4, newPage };

  doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
  let y = drawTitle(doc, model);
  y = drawAddressBlock(doc, model, y);
  const blankRows = (layout: TableLayout): string[][] =>
    Array.from({ length: Math.max(0, FORM_ROWS - model.members.length) }, () => layout.columns.map(() => ''));
  y = drawTable(doc, MEMBERS_TABLE, [...model.members.map(memberRow), ...blankRows(MEMBERS_TABLE)], y, flow);
  const blockHeight = signatureBlockHeight(doc);
  // The signature block follows the last row on its page, never alone on a page of its own.
  y = drawTable(doc, STATUS_TABLE, [...model.members.map(statusRow), ...blankRows(STATUS_TABLE)], y + 6, {
    ...flow,
    keepWithLastRow: blockHeight + 4,
  });

  if (y + 4 + blockHeight > flow.bottom) y = newPage();
  // The block sits at the foot of the page, as on the printed form, unless the tables reach it.
  drawSignatureBlock(doc, model, Math.max(y + 4, flow.bottom - blockHeight));
  drawFooters(doc, model);
  return finishPdf(doc);
}
