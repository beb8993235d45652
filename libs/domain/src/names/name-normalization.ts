/**
 * Names as two systems can compare them. Registry names are upper case without titles; an
 * agency's records carry "Hj. Siti Aminah, S.Pd." — the same person. Normalising strips what
 * is not the name (titles, academic degrees, punctuation, accents, case, spacing) and nothing
 * else: a name is never guessed at or shortened.
 */

// Titles written before a name: haji/hajjah, doctor (dr./Dr./drg.), engineer, doctorandus/-a,
// professor, kyai haji, and forms of address (nyonya, tuan, saudara/-i).
const PREFIX_TITLES = ['PROF', 'DR', 'DRG', 'DRS', 'DRA', 'IR', 'HJ', 'H', 'KH', 'NY', 'TN', 'SDR', 'SDRI'];
// A title is followed by a dot or a space, so "HASAN" and "IRWAN" keep their first letters.
const PREFIX_TITLE = new RegExp(`^(?:(?:${[...PREFIX_TITLES, 'K\\. ?H'].join('|')})(?:\\.\\s*|\\s+))+`);

// Academic degrees written after a name (Indonesian bachelor's, master's, diploma and
// professional degrees, and the usual foreign ones), compared without their dots.
const DEGREES = new Set([
  'SPD',
  'SPDI',
  'SE',
  'SEI',
  'SH',
  'SHI',
  'SAG',
  'SSOS',
  'SIP',
  'SKOM',
  'ST',
  'SP',
  'SPT',
  'STP',
  'SS',
  'SSI',
  'SPSI',
  'SKM',
  'SKEP',
  'SKED',
  'SFARM',
  'SGZ',
  'SAK',
  'SIKOM',
  'SHUT',
  'SSTP',
  'SST',
  'SSN',
  'STH',
  'STR',
  'SKG',
  'SN',
  'MM',
  'MPD',
  'MPDI',
  'MSI',
  'MKES',
  'MH',
  'MT',
  'MKOM',
  'MAG',
  'MA',
  'MAP',
  'MSC',
  'MBA',
  'MPH',
  'MARS',
  'MSN',
  'ME',
  'AMD',
  'AMDKEB',
  'AMDKEP',
  'AMK',
  'AMAPD',
  'AMA',
  'APT',
  'NS',
  'BSC',
  'BA',
  'PHD',
  'SPOG',
  'SPA',
  'SPPD',
  'SPB',
  'SPM',
]);

// After a comma, titles are listed as well as degrees ("RAHMAT, IR.").
const TITLES_AND_DEGREES = new Set([...DEGREES, ...PREFIX_TITLES]);

function isDegree(token: string): boolean {
  return DEGREES.has(token.replaceAll('.', ''));
}

function isTitleOrDegree(token: string): boolean {
  return TITLES_AND_DEGREES.has(token.replaceAll('.', ''));
}

/** A word that is a title or an academic degree (`DR`, `H`, `SPD`), written with or without dots. */
export function isNameTitle(word: string): boolean {
  return isTitleOrDegree(word.toUpperCase());
}

/** Removes accents (é → E) and keeps letters; apostrophes join (MA'RUF → MARUF), the rest separates. */
function lettersOnly(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['`\u2018\u2019]/g, '')
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

/**
 * A name already written as the registry writes it: words of A–Z joined by single spaces. For
 * such a name the general steps below change nothing but the titles before it (no comma, no
 * dots, no accents, no other separators), so {@link normalizeName} only removes those: a batch
 * of 1,000 checks normalises 4,000 names, most of them in this form.
 */
const PLAIN_NAME = /^[A-Z]+(?: [A-Z]+)*$/;

/**
 * `Hj. Siti  Aminah, S.Pd., M.M.` → `SITI AMINAH`. Upper case, single spaces, letters only;
 * titles before the name and degrees after it removed.
 */
export function normalizeName(name: string): string {
  const upper = name.toUpperCase();
  return PLAIN_NAME.test(upper) ? upper.replace(PREFIX_TITLE, '') : normalizeAnyName(upper);
}

/** {@link normalizeName} of any upper-case text, by the general steps. */
function normalizeAnyName(upper: string): string {
  const comma = upper.indexOf(',');
  // Degrees follow the first comma; anything there that is not a degree stays part of the name.
  const head = comma < 0 ? upper : upper.slice(0, comma);
  const tail =
    comma < 0
      ? []
      : upper
          .slice(comma + 1)
          .split(/[\s,]+/)
          .filter((token) => token !== '' && !isTitleOrDegree(token));
  const tokens = head.trim().replace(PREFIX_TITLE, '').split(/\s+/);
  // Without a comma, a degree is recognised only by its dots ("S.PD."), so a name such as
  // "MA" or "SE" is never taken for one.
  while (tokens.length > 1 && tokens[tokens.length - 1].includes('.') && isDegree(tokens[tokens.length - 1]))
    tokens.pop();
  return lettersOnly([...tokens, ...tail].join(' '));
}
