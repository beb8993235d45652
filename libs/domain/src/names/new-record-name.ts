import { isNameTitle } from './name-normalization.js';

/**
 * Names of new records (Permendagri 73/2022 on the recording of names in population documents):
 * letters and spaces only, at least two words, at most 60 characters including spaces, and no
 * academic or religious title on a civil-registration deed. Only names a resident enters are held
 * to it; names already in the registry (and imported rows) keep their historical spelling.
 */

export const NEW_NAME_MAX_LENGTH = 60;
const LETTERS_AND_SPACES = /^[\p{L}\p{M}]+( [\p{L}\p{M}]+)*$/u;

/** What is wrong with a new name, in the resident's words; `undefined` when it may be recorded. */
export function newRecordNameProblem(name: string): string | undefined {
  if (name.length > NEW_NAME_MAX_LENGTH) {
    return `Nama paling banyak ${NEW_NAME_MAX_LENGTH} huruf termasuk spasi`;
  }
  if (!LETTERS_AND_SPACES.test(name)) {
    return 'Nama hanya boleh berisi huruf dan satu spasi di antara kata, tanpa angka atau tanda baca';
  }
  const words = name.split(' ');
  if (words.length < 2) return 'Nama paling sedikit terdiri dari dua kata';
  if (words.some(isNameTitle)) {
    return 'Nama tidak boleh memuat gelar akademik atau gelar keagamaan';
  }
  return undefined;
}
