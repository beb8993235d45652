/**
 * Free text one person writes and another reads on a screen, which never reaches a document: an
 * agency's name and the purpose of its checks (a resident reads both in the access log of their
 * NIK), a clerk's or official's reason for returning or rejecting an application (the applicant
 * reads it). Any punctuation is fine there (React escapes it, and a CSV export guards formulas);
 * what is refused is text that shows something other than what it holds:
 * - control characters (C0 and C1), except a line break or tab in multi-line text;
 * - format characters: the bidirectional overrides, embeddings and isolates (U+202A–U+202E,
 *   U+2066–U+2069) that turn "1 bulan / 10.000.000" into something else on the screen
 *   (CVE-2021-42574, "Trojan Source"), zero-width characters, the soft hyphen;
 * - line and paragraph separators (U+2028, U+2029), private-use and unassigned code points, and
 *   lone surrogates (they arrive as `\ud800` in JSON and cannot be stored as UTF-8).
 */
const HIDDEN_IN_LINE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/u;
/** The same, with `\t`, `\n` and `\r` allowed. */
const HIDDEN_IN_TEXT = /[^\P{Cc}\t\n\r]|[\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/u;

export const READABLE_TEXT_RULE =
  'tidak boleh memuat karakter kendali atau karakter tak terlihat (misalnya pengubah arah teks)';

/** Whether the text holds only characters that show as what they are (see above). */
export function isReadableText(value: string, options: { multiline?: boolean } = {}): boolean {
  return !(options.multiline === true ? HIDDEN_IN_TEXT : HIDDEN_IN_LINE).test(value);
}
