/**
 * What every document prints besides its own facts (each kind's model is in
 * `document-kinds/<kind>/<kind>.model.ts`). What the renderers print is already resolved by the
 * issuing service: region names in capitals,
 * enum values as the API names them (`PEREMPUAN`, `KAWIN_TERCATAT`), education and occupation as
 * canonical SIAK labels. The renderers turn enum values into their official print labels, so a
 * caller never passes (or prints) `KAWIN_TERCATAT`.
 *
 * Dates are `YYYY-MM-DD` calendar dates; `issuedAt` is the issuing office's local date (see
 * `issueDateOf`), the instant itself goes to the signer as the signing time.
 */

/** The official who approved the application and whose name and NIP are printed. */
export interface SigningOfficial {
  name: string;
  /** 18-digit NIP, printed as given (`NIP. 197805122005011003`). */
  nip: string;
  /** `KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL` */
  title: string;
}

/** Shared by both documents: who issues, when, and where the QR code leads. */
export interface IssuanceDetails {
  /** `YYYY-MM-DD`, the date printed as the date of issue. */
  issuedAt: string;
  /** `KABUPATEN OGAN KOMERING ILIR` */
  issuingRegencyName: string;
  official: SigningOfficial;
  /** Encoded in the QR code; opens the public verification page. */
  verificationUrl: string;
  /**
   * Who issued the signing certificate, for the TTE footnote. Production signs with a BSrE
   * certificate (the default wording); a deployment with another issuer — or the development
   * self-signed certificate — passes its own name so the page never claims BSrE falsely.
   */
  certificateIssuer?: string;
}
