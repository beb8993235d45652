/**
 * Splits a streamed CSV body into its header line and chunks of whole records, each at most
 * `maxBytes`, without ever holding more than one chunk in memory. A record ends at a line break
 * outside double quotes (a quoted field may hold line breaks), so cutting there never splits a
 * record. Each chunk carries the number of its first line in the file (the header is line 1),
 * so rows are reported where they are in the file.
 */
export type CsvPiece = { kind: 'header'; header: string } | { kind: 'chunk'; firstLine: number; text: string };

export class CsvRecordTooLargeError extends Error {
  constructor(readonly line: number) {
    super(`A CSV record starting on line ${line} is larger than the chunk size`);
  }
}

const QUOTE = 0x22;
const LF = 0x0a;

function countLineBreaks(buffer: Buffer): number {
  let count = 0;
  for (let i = buffer.indexOf(LF); i !== -1; i = buffer.indexOf(LF, i + 1)) count++;
  return count;
}

export async function* csvPieces(source: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<CsvPiece> {
  let pending = Buffer.alloc(0);
  let scanned = 0;
  let boundary = 0;
  let inQuotes = false;
  let headerDone = false;
  let line = 1;

  const take = (end: number): Buffer => {
    const piece = pending.subarray(0, end);
    pending = pending.subarray(end);
    scanned -= end;
    boundary = 0;
    return piece;
  };

  for await (const part of source) {
    pending = Buffer.concat([pending, typeof part === 'string' ? Buffer.from(part) : part]);
    while (scanned < pending.length) {
      const c = pending[scanned];
      scanned++;
      if (c === QUOTE) inQuotes = !inQuotes;
      else if (c === LF && !inQuotes) {
        boundary = scanned;
        if (!headerDone) {
          headerDone = true;
          yield { kind: 'header', header: stripLineEnd(take(boundary).toString('utf8')) };
          line = 2;
          continue;
        }
      }
      if (headerDone && scanned >= maxBytes) {
        if (boundary === 0) throw new CsvRecordTooLargeError(line);
        const text = take(boundary);
        yield { kind: 'chunk', firstLine: line, text: text.toString('utf8') };
        line += countLineBreaks(text);
      } else if (!headerDone && scanned >= maxBytes) {
        throw new CsvRecordTooLargeError(1);
      }
    }
  }
  if (!headerDone) {
    if (pending.length > 0) yield { kind: 'header', header: stripLineEnd(pending.toString('utf8')) };
    return;
  }
  if (pending.length > 0 && pending.toString('utf8').trim() !== '') {
    yield { kind: 'chunk', firstLine: line, text: pending.toString('utf8') };
  }
}

function stripLineEnd(text: string): string {
  return text.replace(/\r?\n$/, '');
}
