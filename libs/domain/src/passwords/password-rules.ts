import { SECLISTS_COMMON_PASSWORDS } from './common-passwords.data.js';

/**
 * Passwords nobody should be allowed to choose (ASVS 4.0 V2.1.7, NIST SP 800-63B 5.1.1.2): the ones
 * on lists of commonly used or breached passwords, and the ones built from what others know of the
 * person (their NIK, No. KK, birth date, name, username). Checked offline against a list shipped
 * with the code: see docs/security.md for why no outside service (k-anonymity HIBP) is asked.
 *
 * Compared case-insensitively, after undoing the usual disguises: digits and symbols before or after
 * a word (`Bismillah123!`), separators inside it (`kata-sandi`), look-alike characters (`p@ssw0rd`)
 * and a word repeated (`sayangsayang`).
 */

export const COMMON_PASSWORD_MESSAGE = 'Kata sandi ini terlalu umum dan mudah ditebak; pilih yang lain';
export const PERSONAL_PASSWORD_MESSAGE =
  'Kata sandi tidak boleh dibuat dari NIK, nomor KK, NIP, tanggal lahir, nama, atau nama pengguna Anda; pilih yang lain';

/**
 * Common Indonesian passwords and the words they are built from (religious phrases, terms of
 * endearment, the country, cities, football clubs, this service's own words), which the SecLists
 * list (mostly English) lacks. Each is also refused with digits or symbols around it.
 */
export const INDONESIAN_COMMON_PASSWORDS: readonly string[] = [
  'bismillah',
  'bismillahirrahmanirrahim',
  'alhamdulillah',
  'assalamualaikum',
  'subhanallah',
  'masyaallah',
  'insyaallah',
  'allahuakbar',
  'sayang',
  'sayangku',
  'sayangkamu',
  'sayangmama',
  'sayangibu',
  'cinta',
  'cintaku',
  'cintakamu',
  'akucintakamu',
  'akusayangkamu',
  'kekasih',
  'kekasihku',
  'bidadari',
  'indonesia',
  'indonesiaraya',
  'merdeka',
  'garuda',
  'pancasila',
  'nusantara',
  'katasandi',
  'katasandiku',
  'katakunci',
  'sandi',
  'sandiku',
  'rahasia',
  'rahasiaku',
  'rahasiabanget',
  'passwordku',
  'passwordnya',
  'bukanpassword',
  'gantipassword',
  'masuk',
  'masukaja',
  'masuksaja',
  'silakanmasuk',
  'kosong',
  'kosongkan',
  'penduduk',
  'kependudukan',
  'dukcapil',
  'disdukcapil',
  'capil',
  'pemerintah',
  'pegawai',
  'petugas',
  'admin',
  'administrator',
  'jakarta',
  'bandung',
  'surabaya',
  'semarang',
  'yogyakarta',
  'jogja',
  'medan',
  'palembang',
  'makassar',
  'bali',
  'persija',
  'persib',
  'persebaya',
  'arema',
  'aremania',
  'bobotoh',
  'jakmania',
  'bonek',
  'doraemon',
  'kucing',
  'kucingku',
  'anjing',
  'mama',
  'mamaku',
  'papa',
  'papaku',
  'ibuku',
  'ayahku',
  'bapak',
  'keluarga',
  'keluargaku',
  'anakku',
  'selamat',
  'selamatdatang',
  'semangat',
  'sukses',
  'ganteng',
  'cantik',
  'manis',
  'rindu',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'qwerty',
  'abcdefghij',
];

/** The usual look-alikes, read back as letters (`p@ssw0rd` → `password`). */
const LOOK_ALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

let commonSet: ReadonlySet<string> | undefined;

/** The list, built on first use (about 10,000 entries). */
function commonPasswords(): ReadonlySet<string> {
  commonSet ??= new Set([...SECLISTS_COMMON_PASSWORDS.split('\n'), ...INDONESIAN_COMMON_PASSWORDS]);
  return commonSet;
}

function fold(password: string): string {
  return password.normalize('NFKC').toLowerCase();
}

/** Digits and symbols stripped from both ends, separators removed from inside: the word a password is built on. */
function coreOf(folded: string): string {
  return folded
    .replace(/^[^\p{L}]+/u, '')
    .replace(/[^\p{L}]+$/u, '')
    .replace(/[\s._\-+*,;:'"/\\]+/gu, '');
}

function deLeet(text: string): string {
  return [...text].map((c) => LOOK_ALIKES[c] ?? c).join('');
}

/** `abcabc` → `abc`; the text itself when it is no repetition. */
function repeatedUnit(text: string): string {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) {
      return text.slice(0, size);
    }
  }
  return text;
}

/** Runs like `1234567890`, `9876543210`, `abcdefghij`: each character one after the previous. */
function isSequence(text: string): boolean {
  const step = text.charCodeAt(1) - text.charCodeAt(0);
  return (
    Math.abs(step) === 1 && [...text].every((_, i) => i === 0 || text.charCodeAt(i) - text.charCodeAt(i - 1) === step)
  );
}

/** The forms of a password that are compared with the lists. */
function candidateForms(password: string): string[] {
  const folded = fold(password);
  const forms = new Set<string>([folded, folded.replace(/[\s._-]+/g, ''), repeatedUnit(folded)]);
  for (const core of [coreOf(folded), coreOf(deLeet(folded)), deLeet(coreOf(folded))]) {
    if (core === '') continue;
    forms.add(core);
    forms.add(repeatedUnit(core));
  }
  return [...forms];
}

/** Whether the password is on the lists of common passwords, disguised or not. */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const folded = fold(password);
  const compact = folded.replace(/[^\p{L}\p{N}]+/gu, '');
  // Nothing but symbols, a few characters repeated, or a run: guessed long before any list.
  if (compact === '' || repeatedUnit(compact).length <= 3 || isSequence(compact)) return true;
  if (!/\p{L}/u.test(folded) && (isSequence(repeatedUnit(compact)) || repeatedUnit(compact).length <= 4)) return true;
  return candidateForms(password).some((form) => list.has(form));
}

/** The problem with a password on the common lists, in Bahasa Indonesia; undefined when it is not on them. */
export function commonPasswordProblem(password: string): string | undefined {
  return isCommonPassword(password) ? COMMON_PASSWORD_MESSAGE : undefined;
}

/** What is known about the person choosing a password, for `personalPasswordProblem`. */
export interface PasswordOwnerFacts {
  nik?: string | null;
  familyCardNumber?: string | null;
  nip?: string | null;
  /** `YYYY-MM-DD`. */
  birthDate?: string | null;
  fullName?: string | null;
  username?: string | null;
}

/** `1990-01-31` → `31011990`, `19900131`, `310190`, `900131`. */
function dateForms(date: string): string[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return [];
  const [, year, month, day] = match;
  return [
    `${day}${month}${year}`,
    `${year}${month}${day}`,
    `${day}${month}${year.slice(2)}`,
    `${year.slice(2)}${month}${day}`,
  ];
}

/** The words of a name or username of three letters or more, and the whole of it without spaces. */
function nameWords(text: string): string[] {
  const folded = fold(text);
  const words = folded.split(/[^\p{L}]+/u).filter((word) => word.length >= 3);
  const whole = folded.replace(/[^\p{L}\p{N}]+/gu, '');
  return whole.length >= 3 ? [...words, whole] : words;
}

/**
 * Whether the password is built from the person's own facts: contains their NIK, No. KK, NIP or
 * birth date (as the digits a person would type), or is one of their names or their username
 * with digits and symbols around it.
 */
export function isPersonalPassword(password: string, facts: PasswordOwnerFacts): boolean {
  const digits = password.replace(/\D+/g, '');
  const numbers = [facts.nik, facts.familyCardNumber, facts.nip].filter(
    (n): n is string => typeof n === 'string' && n.length >= 6,
  );
  // The NIK's middle six digits are the birth date (DDMMYY, +40 on the day for women): typed alone too.
  if (typeof facts.nik === 'string' && /^\d{16}$/.test(facts.nik)) numbers.push(facts.nik.slice(6, 12));
  const dates = typeof facts.birthDate === 'string' ? dateForms(facts.birthDate) : [];
  if ([...numbers, ...dates].some((n) => digits.includes(n))) return true;

  const words = [facts.fullName, facts.username]
    .filter((t): t is string => typeof t === 'string' && t !== '')
    .flatMap(nameWords);
  if (words.length === 0) return false;
  const forms = candidateForms(password);
  const doubled = words.filter((word) => word.length >= 5).map((word) => word + word);
  return forms.some((form) => words.includes(form) || doubled.includes(form));
}

/** The problem with a password built from the person's facts, in Bahasa Indonesia; undefined when it is not. */
export function personalPasswordProblem(password: string, facts: PasswordOwnerFacts): string | undefined {
  return isPersonalPassword(password, facts) ? PERSONAL_PASSWORD_MESSAGE : undefined;
}
