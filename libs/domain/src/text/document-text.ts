/**
 * Free text that reaches a document, an export or a clerk's screen — an address, a place of
 * birth or death (issue #13, ASVS 5.1.3/5.1.4): letters of any script with their accents
 * (Indonesian and Latin: `Đặng`, `Ñoño`, `Kayuagung`), digits, spaces and the punctuation
 * addresses use, `. , - / ' ( ) # :` — nothing else. So `<`, `>`, `"`, `;`, `{`, `}`, `\`,
 * `=`, backticks and control characters are refused wherever such a field enters (the API's
 * bodies, the registry import), whatever a renderer downstream escapes or not.
 */
export const DOCUMENT_TEXT = /^[\p{L}\p{M}\p{N} .,\-/'()#:]*$/u;

export const DOCUMENT_TEXT_RULE = "hanya boleh berisi huruf, angka, spasi dan tanda baca alamat (. , - / ' ( ) # :)";

/** Whether the text keeps to the rule above (an empty text does; "required" is another rule). */
export function isDocumentText(value: string): boolean {
  return DOCUMENT_TEXT.test(value);
}

/** The problem with a text, in Bahasa Indonesia, or undefined when it may be written on a document. */
export function documentTextProblem(value: string): string | undefined {
  return isDocumentText(value) ? undefined : `Isian ${DOCUMENT_TEXT_RULE}`;
}
