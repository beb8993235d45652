import type { FieldMatch, VerificationField, VerificationItem } from '#lib/contracts';
import { NAME_MATCH_THRESHOLD, nameSimilarity, normalizedNameSimilarity } from '#lib/domain';

/** What a verification compares against: the registry's values, which never leave the service. */
export interface SubjectRecord {
  fullName: string;
  birthDate: string;
  birthPlace: string;
  sex: string;
  motherName: string;
  status: string;
  /** The current family's address line, RT and RW; absent for a person in no family. */
  address?: { line: string; rt: string; rw: string };
}

/** The fields of a request that ask for a comparison, in the API's order. */
export function requestedFields(item: VerificationItem): VerificationField[] {
  const fields: VerificationField[] = [];
  if (item.fullName !== undefined) fields.push('fullName');
  if (item.birthDate !== undefined) fields.push('birthDate');
  if (item.birthPlace !== undefined) fields.push('birthPlace');
  if (item.sex !== undefined) fields.push('sex');
  if (item.motherName !== undefined) fields.push('motherName');
  if (item.address !== undefined) fields.push('address');
  return fields;
}

/** {@link requestedFields} joined by commas, as a batch's access-log row lists them, without the array. */
export function requestedFieldList(item: VerificationItem): string {
  let list = '';
  if (item.fullName !== undefined) list = 'fullName';
  if (item.birthDate !== undefined) list = list === '' ? 'birthDate' : `${list},birthDate`;
  if (item.birthPlace !== undefined) list = list === '' ? 'birthPlace' : `${list},birthPlace`;
  if (item.sex !== undefined) list = list === '' ? 'sex' : `${list},sex`;
  if (item.motherName !== undefined) list = list === '' ? 'motherName' : `${list},motherName`;
  if (item.address !== undefined) list = list === '' ? 'address' : `${list},address`;
  return list;
}

// Spelled-out and abbreviated forms of the words of an Indonesian address line.
const ADDRESS_WORDS: Record<string, string> = {
  JALAN: 'JL',
  JLN: 'JL',
  GANG: 'GG',
  NOMOR: 'NO',
  NOMER: 'NO',
  NMR: 'NO',
  DESA: 'DS',
  DUSUN: 'DSN',
  KELURAHAN: 'KEL',
  KECAMATAN: 'KEC',
  KOMPLEK: 'KOMP',
  KOMPLEKS: 'KOMP',
  PERUMAHAN: 'PERUM',
  BLOK: 'BLK',
};

/**
 * An address line as two systems can compare it: upper case, accents and punctuation gone,
 * common words in one abbreviated form, numbers kept (unlike a name, "NO. 12" and "NO. 21"
 * are different houses) and written without leading zeros ("RT 003" = "RT 3").
 */
export function normalizeAddress(text: string): string {
  return text
    .toUpperCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .replace(/(?<=[A-Z])(?=\d)|(?<=\d)(?=[A-Z])/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => (/^\d+$/.test(word) ? String(Number(word)) : (ADDRESS_WORDS[word] ?? word)))
    .join(' ');
}

/**
 * How alike an agency's address is to the registry's, in [0, 1]: against the address line
 * alone and against the line with its RT and RW, whichever the agency wrote.
 */
export function addressSimilarity(given: string, address: { line: string; rt: string; rw: string }): number {
  const normalized = normalizeAddress(given);
  const line = normalizeAddress(address.line);
  const withRtRw = normalizeAddress(`${address.line} RT ${address.rt} RW ${address.rw}`);
  return Math.max(normalizedNameSimilarity(normalized, line), normalizedNameSimilarity(normalized, withRtRw));
}

/** Four decimals, rounded down, so that a shown 0.9 is always a match and 0.8999 never one. */
function shown(score: number): number {
  return Math.floor(score * 10_000) / 10_000;
}

// The results every check of a batch repeats, shared (frozen: a result is only ever serialized).
const SAME: FieldMatch = Object.freeze({ match: true, score: 1 });
const EQUAL: FieldMatch = Object.freeze({ match: true });
const DIFFERENT: FieldMatch = Object.freeze({ match: false });

function scored(score: number): FieldMatch {
  return score === 1 ? SAME : { match: score >= NAME_MATCH_THRESHOLD, score: shown(score) };
}

function exact(equal: boolean): FieldMatch {
  return equal ? EQUAL : DIFFERENT;
}

/**
 * Compares each requested field: names, birth place and address by similarity after
 * normalisation (`match` when the score is at least 0.9), birth date and sex exactly. Only
 * match results leave this function, never a value of the record.
 */
export function compareFields(
  item: VerificationItem,
  record: SubjectRecord,
): Partial<Record<VerificationField, FieldMatch>> {
  const fields: Partial<Record<VerificationField, FieldMatch>> = {};
  if (item.fullName !== undefined) fields.fullName = scored(nameSimilarity(item.fullName, record.fullName));
  if (item.birthDate !== undefined) fields.birthDate = exact(item.birthDate === record.birthDate);
  if (item.birthPlace !== undefined) fields.birthPlace = scored(nameSimilarity(item.birthPlace, record.birthPlace));
  if (item.sex !== undefined) fields.sex = exact(item.sex === record.sex);
  if (item.motherName !== undefined) fields.motherName = scored(nameSimilarity(item.motherName, record.motherName));
  if (item.address !== undefined) {
    fields.address = scored(record.address === undefined ? 0 : addressSimilarity(item.address, record.address));
  }
  return fields;
}
