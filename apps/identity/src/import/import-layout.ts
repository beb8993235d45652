import { DomainError } from '#lib/domain';
import { detectImportCsvDelimiter, type ImportCsvDelimiter } from '#lib/contracts';
import { readCsv } from './csv-reader.js';
import { parseImportHeader, type ImportColumn } from './resident-row.js';
import { isSiakHeader, parseSiakHeader } from './siak-row.js';

/**
 * What the header line of an import says about the rows below it: the delimiter (`,` or `;`),
 * and either the API's columns or SIAK's export (detected by its first headers). The session
 * keeps it as its `columns` text array, with a leading `@layout <format> <delimiter>` entry.
 */
export type ImportLayout =
  | { format: 'api'; delimiter: ImportCsvDelimiter; columns: ImportColumn[] }
  | { format: 'siak'; delimiter: ImportCsvDelimiter; headers: string[] };

const MARK = '@layout';

export function readImportHeader(headerLine: string): ImportLayout {
  const text = headerLine.charCodeAt(0) === 0xfeff ? headerLine.slice(1) : headerLine;
  const delimiter = detectImportCsvDelimiter(text);
  const names = readCsv(text, 1, delimiter).records[0]?.cells ?? [];
  if (isSiakHeader(names)) {
    const { headers, errors } = parseSiakHeader(names);
    if (errors.length > 0) {
      throw new DomainError('VALIDATION.FAILED', 'Baris judul (header) ekspor SIAK tidak sesuai', { errors });
    }
    return { format: 'siak', delimiter, headers };
  }
  return { format: 'api', delimiter, columns: parseImportHeader(names) };
}

export function encodeLayout(layout: ImportLayout): string[] {
  const columns = layout.format === 'api' ? layout.columns : layout.headers;
  return [`${MARK} ${layout.format} ${layout.delimiter}`, ...columns];
}

/** Sessions opened before layouts were recorded hold the API's columns only, comma-separated. */
export function decodeLayout(stored: readonly string[]): ImportLayout {
  const [first = '', ...rest] = stored;
  if (!first.startsWith(`${MARK} `)) return { format: 'api', delimiter: ',', columns: [...stored] as ImportColumn[] };
  const [, format, delimiter] = first.split(' ');
  const sep: ImportCsvDelimiter = delimiter === ';' ? ';' : ',';
  return format === 'siak'
    ? { format: 'siak', delimiter: sep, headers: rest }
    : { format: 'api', delimiter: sep, columns: rest as ImportColumn[] };
}
