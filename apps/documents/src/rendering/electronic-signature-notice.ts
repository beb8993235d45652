/**
 * The TTE footnote printed on every page, as Disdukcapil documents have carried it since
 * electronic signing replaced wet signatures and stamps (2020): who signed electronically, with
 * a certificate from whom, and why the print is valid without a wet signature.
 */

/** The certificate authority of Indonesian government officials' signatures (BSSN's BSrE). */
export const BSRE_CERTIFICATE_ISSUER = 'Balai Sertifikasi Elektronik (BSrE), BSSN';

export function electronicSignatureNotice(certificateIssuer: string = BSRE_CERTIFICATE_ISSUER): string[] {
  return [
    `Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh ${certificateIssuer}.`,
    'Sesuai UU No. 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik Pasal 5 ayat (1), dokumen elektronik dan/atau hasil cetaknya merupakan alat bukti hukum yang sah. Keaslian dokumen dapat diperiksa dengan memindai kode QR.',
  ];
}
