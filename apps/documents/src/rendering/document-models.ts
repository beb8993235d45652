import type {
  BloodType,
  Citizenship,
  Education,
  MaritalStatus,
  Occupation,
  Relationship,
  Religion,
  Sex,
} from '#lib/domain';

/**
 * What the renderers print, already resolved by the issuing service: region names in capitals,
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

export interface KartuKeluargaMember {
  fullName: string;
  nik: string;
  sex: Sex;
  birthPlace: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  religion: Religion;
  education: Education;
  occupation: Occupation;
  bloodType: BloodType;
  maritalStatus: MaritalStatus;
  /** `YYYY-MM-DD` */
  marriageDate?: string;
  relationship: Relationship;
  citizenship: Citizenship;
  passportNumber?: string;
  kitapNumber?: string;
  fatherName: string;
  motherName: string;
}

export interface KartuKeluargaModel extends IssuanceDetails {
  /** No. KK, 16 digits. */
  familyCardNumber: string;
  headName: string;
  address: string;
  rt: string;
  rw: string;
  villageName: string;
  districtName: string;
  regencyName: string;
  provinceName: string;
  postalCode: string;
  /** In the order printed (head first, as SIAK orders them). */
  members: KartuKeluargaMember[];
  /** The service's own document number, printed small in the footer when given. */
  documentNumber?: string;
}

export interface AktaKelahiranModel extends IssuanceDetails {
  /** `1602-LU-28112026-0001` */
  certificateNumber: string;
  childNik: string;
  childName: string;
  sex: Sex;
  /** City or regency of birth as printed: `KAYUAGUNG`, `PALEMBANG`. */
  birthPlace: string;
  /** `YYYY-MM-DD`, printed in words. */
  birthDate: string;
  /** 1 for the first child; printed in words (`anak ke-DUA`). */
  birthOrder: number;
  fatherName: string;
  motherName: string;
  /** Place of issue, printed before the date: `Kayuagung`. */
  issuePlace: string;
  /** Printed as "WARGA NEGARA"; a child registered here is normally `WNI` (the default). */
  citizenship?: Citizenship;
}
