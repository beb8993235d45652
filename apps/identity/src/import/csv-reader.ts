/**
 * A small RFC 4180 reader for registry exports: comma-separated, fields optionally in double
 * quotes (`""` for a quote, line breaks allowed inside), LF or CRLF line ends. Every record
 * keeps the number of the line it starts on, counted from `firstLine`, so that a rejected row
 * is reported where a person finds it in their spreadsheet. Blank lines are skipped.
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

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

export function readCsv(text: string, firstLine = 1): CsvReadResult {
  const records: CsvRecord[] = [];
  const faults: CsvFault[] = [];
  const n = text.length;
  let i = 0;
  let line = firstLine;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let fault: string | undefined;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) {
            fault = 'Tanda kutip (") tidak ditutup';
            line += countLineBreaks(text, from, n);
            i = n;
            break;
          }
          value += text.slice(from, close);
          line += countLineBreaks(text, from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        if (fault !== undefined) break;
        const next = text.charCodeAt(i);
        if (i < n && next !== COMMA && next !== LF && !(next === CR && text.charCodeAt(i + 1) === LF)) {
          fault = 'Ada karakter setelah tanda kutip penutup';
          const end = text.indexOf('\n', i);
          i = end === -1 ? n : end;
        }
        cells.push(value);
      } else {
        let j = i;
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === LF) break;
        }
        const end = j < n && text.charCodeAt(j) === LF && j > i && text.charCodeAt(j - 1) === CR ? j - 1 : j;
        cells.push(text.slice(i, end));
        i = j;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        if (i >= n) {
          cells.push('');
          break;
        }
        continue;
      }
      if (c === CR) i++;
      if (text.charCodeAt(i) === LF) {
        i++;
        line++;
      }
      break;
    }
    if (fault !== undefined) faults.push({ line: startLine, message: fault });
    else if (!(cells.length === 1 && cells[0] === '')) records.push({ line: startLine, cells });
  }
  return { records, faults };
}
