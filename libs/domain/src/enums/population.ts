/**
 * Enumerations of a person's record (DOMAIN.md "Records"). The API carries the upper-case
 * names; documents print the official labels, never the names (`KAWIN_TERCATAT` is printed
 * `KAWIN TERCATAT`, `LAKI_LAKI` is printed `LAKI-LAKI`).
 */

export const Sex = { LAKI_LAKI: 'LAKI_LAKI', PEREMPUAN: 'PEREMPUAN' } as const;
export type Sex = (typeof Sex)[keyof typeof Sex];
export const SEX_LABELS: Readonly<Record<Sex, string>> = { LAKI_LAKI: 'LAKI-LAKI', PEREMPUAN: 'PEREMPUAN' };

export const Religion = {
  ISLAM: 'ISLAM',
  KRISTEN: 'KRISTEN',
  KATOLIK: 'KATOLIK',
  HINDU: 'HINDU',
  BUDDHA: 'BUDDHA',
  KHONGHUCU: 'KHONGHUCU',
  KEPERCAYAAN: 'KEPERCAYAAN',
} as const;
export type Religion = (typeof Religion)[keyof typeof Religion];
export const RELIGION_LABELS: Readonly<Record<Religion, string>> = {
  ISLAM: 'ISLAM',
  KRISTEN: 'KRISTEN',
  KATOLIK: 'KATOLIK',
  HINDU: 'HINDU',
  BUDDHA: 'BUDDHA',
  KHONGHUCU: 'KHONGHUCU',
  KEPERCAYAAN: 'KEPERCAYAAN TERHADAP TUHAN YME',
};

export const MaritalStatus = {
  BELUM_KAWIN: 'BELUM_KAWIN',
  KAWIN_TERCATAT: 'KAWIN_TERCATAT',
  KAWIN_BELUM_TERCATAT: 'KAWIN_BELUM_TERCATAT',
  CERAI_HIDUP_TERCATAT: 'CERAI_HIDUP_TERCATAT',
  CERAI_HIDUP_BELUM_TERCATAT: 'CERAI_HIDUP_BELUM_TERCATAT',
  CERAI_MATI: 'CERAI_MATI',
} as const;
export type MaritalStatus = (typeof MaritalStatus)[keyof typeof MaritalStatus];
export const MARITAL_STATUS_LABELS: Readonly<Record<MaritalStatus, string>> = {
  BELUM_KAWIN: 'BELUM KAWIN',
  KAWIN_TERCATAT: 'KAWIN TERCATAT',
  KAWIN_BELUM_TERCATAT: 'KAWIN BELUM TERCATAT',
  CERAI_HIDUP_TERCATAT: 'CERAI HIDUP TERCATAT',
  CERAI_HIDUP_BELUM_TERCATAT: 'CERAI HIDUP BELUM TERCATAT',
  CERAI_MATI: 'CERAI MATI',
};

/** Status hubungan dalam keluarga (SHDK). */
export const Relationship = {
  KEPALA_KELUARGA: 'KEPALA_KELUARGA',
  SUAMI: 'SUAMI',
  ISTRI: 'ISTRI',
  ANAK: 'ANAK',
  MENANTU: 'MENANTU',
  CUCU: 'CUCU',
  ORANG_TUA: 'ORANG_TUA',
  MERTUA: 'MERTUA',
  FAMILI_LAIN: 'FAMILI_LAIN',
  PEMBANTU: 'PEMBANTU',
  LAINNYA: 'LAINNYA',
} as const;
export type Relationship = (typeof Relationship)[keyof typeof Relationship];
export const RELATIONSHIP_LABELS: Readonly<Record<Relationship, string>> = {
  KEPALA_KELUARGA: 'KEPALA KELUARGA',
  SUAMI: 'SUAMI',
  ISTRI: 'ISTRI',
  ANAK: 'ANAK',
  MENANTU: 'MENANTU',
  CUCU: 'CUCU',
  ORANG_TUA: 'ORANG TUA',
  MERTUA: 'MERTUA',
  FAMILI_LAIN: 'FAMILI LAIN',
  PEMBANTU: 'PEMBANTU',
  LAINNYA: 'LAINNYA',
};

export const Citizenship = { WNI: 'WNI', WNA: 'WNA' } as const;
export type Citizenship = (typeof Citizenship)[keyof typeof Citizenship];
export const CITIZENSHIP_LABELS: Readonly<Record<Citizenship, string>> = { WNI: 'WNI', WNA: 'WNA' };

export const PersonStatus = { ACTIVE: 'ACTIVE', DECEASED: 'DECEASED', MOVED_OUT: 'MOVED_OUT' } as const;
export type PersonStatus = (typeof PersonStatus)[keyof typeof PersonStatus];
export const PERSON_STATUS_LABELS: Readonly<Record<PersonStatus, string>> = {
  ACTIVE: 'AKTIF',
  DECEASED: 'MENINGGAL',
  MOVED_OUT: 'PINDAH',
};

/**
 * Golongan darah: the API names (`A`, `AB+`, `O-`, `TIDAK_TAHU`) map one to one onto SIAK's
 * thirteen blood-type labels, which only spell the last one differently (`TIDAK TAHU`).
 */
export const BloodType = {
  A: 'A',
  B: 'B',
  AB: 'AB',
  O: 'O',
  A_POSITIVE: 'A+',
  A_NEGATIVE: 'A-',
  B_POSITIVE: 'B+',
  B_NEGATIVE: 'B-',
  AB_POSITIVE: 'AB+',
  AB_NEGATIVE: 'AB-',
  O_POSITIVE: 'O+',
  O_NEGATIVE: 'O-',
  TIDAK_TAHU: 'TIDAK_TAHU',
} as const;
export type BloodType = (typeof BloodType)[keyof typeof BloodType];
export const BLOOD_TYPE_LABELS: Readonly<Record<BloodType, string>> = {
  A: 'A',
  B: 'B',
  AB: 'AB',
  O: 'O',
  'A+': 'A+',
  'A-': 'A-',
  'B+': 'B+',
  'B-': 'B-',
  'AB+': 'AB+',
  'AB-': 'AB-',
  'O+': 'O+',
  'O-': 'O-',
  TIDAK_TAHU: 'TIDAK TAHU',
};
