/** Rows as the registry repository selects them (dates as `YYYY-MM-DD` text). */
export interface PersonRow {
  nik: string;
  full_name: string;
  sex: string;
  birth_place: string;
  birth_date: string;
  religion: string;
  education: string;
  occupation: string;
  blood_type: string;
  marital_status: string;
  marriage_date: string | null;
  citizenship: string;
  passport_number: string | null;
  kitap_number: string | null;
  father_name: string;
  mother_name: string;
  status: string;
  /** Of the current (or, for a past moment, then current) membership. */
  relationship: string | null;
  family_card_number: string | null;
  regency_code: string | null;
}

export interface FamilyRow {
  family_card_number: string;
  address: string;
  rt: string;
  rw: string;
  village_code: string;
  regency_code: string;
  postal_code: string;
}

export interface FamilyWithMembers {
  family: FamilyRow;
  members: PersonRow[];
}
