/**
 * The words the pages use for the things of civil registration, once, in plain Bahasa Indonesia:
 * the pages take their terms from here, and the public "Istilah" page (pages/public/glossary.tsx)
 * explains each one. Plain words for a resident: "data kependudukan", never "database"; no office
 * jargon ("Adminduk", "prinsip empat mata"); the official names of documents as they are printed.
 * A unit test (glossary.spec.ts) keeps the jargon out of every page.
 */
export interface Term {
  /** The word as the pages write it. */
  term: string;
  /** Its short form, where the pages use one. */
  short?: string;
  /** One or two plain sentences for a resident. */
  explanation: string;
}

export const TERMS = {
  familyCard: {
    term: 'Kartu Keluarga',
    short: 'KK',
    explanation:
      'Kartu yang mencatat satu keluarga: kepala keluarga, semua anggotanya, dan alamat. Setiap perubahan (kelahiran, kematian, pindah, data berubah) membuat KK dicetak ulang.',
  },
  familyCardNumber: {
    term: 'Nomor Kartu Keluarga',
    short: 'No. KK',
    explanation: 'Nomor 16 angka di bagian atas Kartu Keluarga.',
  },
  nik: {
    term: 'Nomor Induk Kependudukan',
    short: 'NIK',
    explanation:
      'Nomor 16 angka milik setiap penduduk, seumur hidup, tertera pada KTP-el dan Kartu Keluarga. Enam angka pertama menunjukkan wilayah, enam berikutnya tanggal lahir.',
  },
  populationData: {
    term: 'data kependudukan',
    explanation:
      'Catatan resmi Disdukcapil tentang setiap penduduk dan keluarga. Permohonan diperiksa terhadap data ini, dan data ini diperbarui setelah permohonan disetujui.',
  },
  birthCertificate: {
    term: 'Akta Kelahiran',
    explanation:
      'Dokumen resmi yang mencatat kelahiran seseorang: nama, tanggal dan tempat lahir, dan orang tuanya. Yang Anda terima adalah kutipannya (Kutipan Akta Kelahiran).',
  },
  deathCertificate: {
    term: 'Akta Kematian',
    explanation: 'Dokumen resmi yang mencatat kematian seseorang. Yang Anda terima adalah Kutipan Akta Kematian.',
  },
  birthLetter: {
    term: 'Surat keterangan lahir',
    explanation: 'Surat dari rumah sakit, puskesmas, bidan atau dokter yang menolong kelahiran.',
  },
  marriageBook: {
    term: 'Buku nikah atau akta perkawinan',
    explanation:
      'Bukti bahwa perkawinan orang tua tercatat: buku nikah dari KUA (Islam) atau akta perkawinan dari Disdukcapil.',
  },
  sptjm: {
    term: 'Surat Pernyataan Tanggung Jawab Mutlak',
    short: 'SPTJM',
    explanation:
      'Surat pernyataan yang Anda tanda tangani di atas meterai, disaksikan dua orang, bahwa keterangan Anda benar. Dipakai bila bukti resmi tidak ada, misalnya surat keterangan lahir atau buku nikah.',
  },
  evidence: {
    term: 'Berkas persyaratan',
    explanation:
      'Foto atau pindaian surat yang mendukung permohonan Anda. Halaman permohonan menyebutkan berkas yang diharapkan untuk setiap jenis layanan.',
  },
  electronicSignature: {
    term: 'Tanda tangan elektronik',
    short: 'TTE',
    explanation:
      'Tanda tangan pejabat dalam bentuk elektronik. Dokumen dengan TTE sah tanpa cap basah dan bisa dicetak sendiri di kertas biasa.',
  },
  verificationCode: {
    term: 'Kode verifikasi',
    explanation:
      'Kode di samping kode QR pada dokumen. Pindai kode QR atau ketik kode ini di halaman "Periksa keaslian dokumen" untuk memastikan dokumen asli dan masih berlaku.',
  },
  official: {
    term: 'Pejabat Pencatatan Sipil',
    explanation:
      'Pejabat Disdukcapil yang menyetujui permohonan dan menandatangani dokumen. Setiap permohonan diperiksa dulu oleh petugas, lalu disetujui oleh pejabat: dua orang yang berbeda.',
  },
  office: {
    term: 'Dinas Kependudukan dan Pencatatan Sipil',
    short: 'Disdukcapil',
    explanation: 'Kantor pemerintah kabupaten/kota yang mengurus KK, KTP-el, dan akta.',
  },
  returned: {
    term: 'Dikembalikan untuk perbaikan',
    explanation:
      'Petugas meminta Anda melengkapi atau membetulkan permohonan. Pesannya ada di rincian permohonan; perbaiki lalu kirim lagi, tanpa mengulang dari awal.',
  },
} as const satisfies Record<string, Term>;

/** `Surat Pernyataan Tanggung Jawab Mutlak (SPTJM)`: the term with its short form, for a first mention. */
export function termWithShort(term: Term): string {
  return term.short ? `${term.term} (${term.short})` : term.term;
}
