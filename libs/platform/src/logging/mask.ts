/**
 * Masks every NIK-looking value (a run of exactly 16 digits) in a text: `1602********0003`.
 * Applied to every log line as it is written, so no field, message or error stack can leak a
 * full NIK, wherever it came from. Longer digit runs (an 18-digit NIP) are left alone.
 */
const SIXTEEN_DIGITS = /(?<!\d)(\d{4})\d{8}(\d{4})(?!\d)/g;

export function maskNiks(text: string): string {
  return text.replace(SIXTEEN_DIGITS, '$1********$2');
}
