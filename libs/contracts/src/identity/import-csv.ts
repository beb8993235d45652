import type { Options } from 'csv-parse';

/**
 * The CSV dialect of `POST /admin/residents/import`, shared by the gateway (which cuts the
 * upload into chunks on the record boundaries csv-parse finds) and identity (which parses each
 * chunk with the same options), so the two can never disagree about where a record ends.
 *
 * RFC 4180 quoting, with a quote inside an unquoted field kept as it is (`5'6"`); a UTF-8 BOM
 * ignored; `,` or `;` (Excel set to Indonesian saves with `;`) chosen from the header line; LF or
 * CRLF line ends. Blank lines stay records (of one empty cell) so line numbers hold; rows of
 * any width reach the row validator, which reports a wrong column count itself.
 */
export type ImportCsvDelimiter = ',' | ';';

export function importCsvOptions(delimiter: ImportCsvDelimiter): Options {
  return {
    delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n'],
    info: true,
    // An unclosed quote at the end of the file is reported as that record's fault, not the file's.
    skip_records_with_error: true,
  };
}

/** `;` when the header line has more semicolons than commas outside quotes, otherwise `,`. */
export function detectImportCsvDelimiter(headerLine: string): ImportCsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
