/**
 * The official labels (libs/domain) are the upper-case words printed on the KK and the akta, and
 * the PDFs keep them so (DOMAIN.md, "Print labels"). A page reads them as a sentence:
 * "PELAJAR/MAHASISWA" → "Pelajar/mahasiswa", "KEPERCAYAAN TERHADAP TUHAN YME" → "Kepercayaan
 * terhadap Tuhan YME". Abbreviations and Roman numerals stay in capitals ("SLTA/sederajat",
 * "Diploma IV/strata I", "Anggota DPR-RI"), proper names keep their capital ("Tentara nasional
 * Indonesia (TNI)", "Kartu Keluarga lama"). What is sent to the API is always the official value.
 */
const ABBREVIATIONS = new Set([
  'AB',
  'BPK',
  'BUMD',
  'BUMN',
  'DPD',
  'DPR',
  'DPRD',
  'II',
  'III',
  'IV',
  'I',
  'KK',
  'NIK',
  'PNS',
  'POLRI',
  'RI',
  'S',
  'SD',
  'SLTA',
  'SLTP',
  'SPTJM',
  'TNI',
  'WNA',
  'WNI',
  'YME',
]);
const PROPER_NAMES = new Set(['buddha', 'hindu', 'indonesia', 'islam', 'katolik', 'khonghucu', 'kristen', 'tuhan']);
/** Names of documents and offices, written with capitals wherever they stand. */
const PROPER_PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\bkartu keluarga\b/g, 'Kartu Keluarga'],
  [/\bpencatatan sipil\b/g, 'Pencatatan Sipil'],
  [/\bmahkamah konstitusi\b/g, 'Mahkamah Konstitusi'],
];

export function sentenceCase(label: string): string {
  // Only a label written all in capitals is the official form; anything else is kept as written.
  if (label !== label.toUpperCase() || !/[A-Z]{2}/.test(label)) return label;
  let text = label.replace(/[A-Za-z]+/g, (word) => {
    if (ABBREVIATIONS.has(word)) return word;
    const lower = word.toLowerCase();
    return PROPER_NAMES.has(lower) ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
  });
  for (const [pattern, written] of PROPER_PHRASES) text = text.replace(pattern, written);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every label of an official list in sentence case, keyed as before. */
export function sentenceCaseLabels<Key extends string>(
  labels: Readonly<Record<Key, string>>,
): Readonly<Record<Key, string>> {
  return Object.fromEntries(Object.entries<string>(labels).map(([key, label]) => [key, sentenceCase(label)])) as Record<
    Key,
    string
  >;
}
