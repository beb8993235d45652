import { parse, type CsvError, type Options } from 'csv-parse/sync';
import { importCsvOptions, type ImportCsvDelimiter } from '#lib/contracts';

/**
 * Reads one chunk of a registry import with csv-parse, in the dialect the gateway cut the upload
 * with (`importCsvOptions`). Every record keeps the number of the line it starts on, counted
 * from `firstLine`, so that a rejected row is reported where a person finds it in their
 * spreadsheet. Blank lines are skipped; a record the parser cannot read is a fault on its line.
 */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvFault {
  line: number;
  message: string;
}

export interface CsvReadResult {
  records: CsvRecord[];
  faults: CsvFault[];
}

const FAULT_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'Tanda kutip (") tidak ditutup',
  CSV_INVALID_CLOSING_QUOTE: 'Ada karakter setelah tanda kutip penutup',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'Ada karakter setelah tanda kutip penutup',
};

export function readCsv(text: string, firstLine = 1, delimiter: ImportCsvDelimiter = ','): CsvReadResult {
  const records: CsvRecord[] = [];
  const faults: CsvFault[] = [];
  /** The last line (counted from 1 in `text`) of the record read before. */
  let previousEnd = 0;
  const at = (relativeLine: number): number => firstLine - 1 + relativeLine;
  // Both callbacks run in the order of the text, so each record starts after the one before.
  const options: Options = {
    ...importCsvOptions(delimiter),
    on_skip: (error: CsvError | undefined) => {
      if (error === undefined) return;
      faults.push({ line: at(previousEnd + 1), message: FAULT_MESSAGES[error.code] ?? 'Baris CSV tidak dapat dibaca' });
      const { lines } = error as CsvError & { lines?: number };
      if (typeof lines === 'number') previousEnd = lines;
    },
    // With `info` the record comes as { record, info }; the context carries the same counts.
    on_record: (entry, context) => {
      const { record } = entry as unknown as { record: string[] };
      const start = previousEnd + 1;
      previousEnd = context.lines;
      if (!(record.length === 1 && record[0].trim() === '')) records.push({ line: at(start), cells: record });
      return null;
    },
  };
  parse(text, options);
  return { records, faults };
}
