/**
 * One valid row of a registry import by its API column names, as a spreadsheet might hold it
 * (mixed case, a double space, an unpadded RT). Synthetic: no real person's NIK or KK.
 */
export const SYNTHETIC_IMPORT_ROW: Readonly<Record<string, string>> = {
  nik: '1602054101900001',
  fullName: 'Siti  Aminah',
  sex: 'PEREMPUAN',
  birthPlace: 'Kayu Agung',
  birthDate: '1990-01-01',
  religion: 'ISLAM',
  education: 'slta / sederajat',
  occupation: 'Mengurus Rumah Tangga',
  bloodType: 'TIDAK_TAHU',
  maritalStatus: 'KAWIN_TERCATAT',
  marriageDate: '2012-05-05',
  relationship: 'ISTRI',
  citizenship: 'WNI',
  passportNumber: '',
  kitapNumber: '',
  fatherName: 'AHMAD',
  motherName: 'FATIMAH',
  status: 'ACTIVE',
  familyCardNumber: '1602050505120001',
  address: 'JL. MERDEKA NO. 1',
  rt: '3',
  rw: '002',
  villageCode: '16.02.05.1002',
  postalCode: '30611',
};
