import { VERIFICATION_FIELDS, type FieldMatch, type VerificationField, type VerificationItem } from '#lib/contracts';
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

/** The fields a check may compare, in the API's order (results and log list them so). */
const FIELD_ORDER: readonly VerificationField[] = VERIFICATION_FIELDS;

/** The fields of a request that ask for a comparison, in the API's order. */
export function requestedFields(item: VerificationItem): VerificationField[] {
  return FIELD_ORDER.filter((field) => item[field] !== undefined);
}

/** {@link requestedFields} joined by commas, as a batch's access-log row lists them, without the array. */
export function requestedFieldList(item: VerificationItem): string {
  let list = '';
  for (const field of FIELD_ORDER) {
    if (item[field] === undefined) continue;
    list = list === '' ? field : `${list},${field}`;
  }
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

/** One requested field's result: names, birth place and address by similarity, the rest exactly. */
function matchOf(field: VerificationField, item: VerificationItem, record: SubjectRecord): FieldMatch {
  switch (field) {
    case 'fullName':
      return scored(nameSimilarity(item.fullName as string, record.fullName));
    case 'birthDate':
      return exact(item.birthDate === record.birthDate);
    case 'birthPlace':
      return scored(nameSimilarity(item.birthPlace as string, record.birthPlace));
    case 'sex':
      return exact(item.sex === record.sex);
    case 'motherName':
      return scored(nameSimilarity(item.motherName as string, record.motherName));
    case 'address':
      return scored(record.address === undefined ? 0 : addressSimilarity(item.address as string, record.address));
  }
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
  for (const field of FIELD_ORDER) if (item[field] !== undefined) fields[field] = matchOf(field, item, record);
  return fields;
}

// The shared results as JSON text, and each field's key.
const SAME_JSON = JSON.stringify(SAME);
const EQUAL_JSON = JSON.stringify(EQUAL);
const DIFFERENT_JSON = JSON.stringify(DIFFERENT);
const KEY_JSON = Object.fromEntries(FIELD_ORDER.map((field) => [field, `${JSON.stringify(field)}:`])) as Record<
  VerificationField,
  string
>;

function matchJson(match: FieldMatch): string {
  if (match === SAME) return SAME_JSON;
  if (match === EQUAL) return EQUAL_JSON;
  if (match === DIFFERENT) return DIFFERENT_JSON;
  return JSON.stringify(match);
}

/**
 * {@link compareFields} as the JSON text `JSON.stringify` would write of its result, without the
 * object (a batch answers 1,000 of them: its reply is written as text, not serialized).
 */
export function compareFieldsJson(item: VerificationItem, record: SubjectRecord): string {
  let json = '{';
  for (const field of FIELD_ORDER) {
    if (item[field] === undefined) continue;
    if (json.length > 1) json += ',';
    json += KEY_JSON[field] + matchJson(matchOf(field, item, record));
  }
  return `${json}}`;
}
