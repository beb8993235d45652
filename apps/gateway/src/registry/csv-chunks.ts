import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type Info } from 'csv-parse';
import { detectImportCsvDelimiter, importCsvOptions } from '#lib/contracts';

/**
 * Splits a streamed CSV body into its header line and chunks of whole records, each at most
 * `maxBytes`, without holding much more than one chunk in memory. The record boundaries are the
 * ones csv-parse finds with the import's dialect (`importCsvOptions`), the parser identity runs
 * on each chunk: a chunk is the file's bytes from one record end to another, so identity sees
 * exactly the records the gateway saw, a stray quote in an unquoted field (`5'6"`) included.
 * Each chunk carries the number of its first line in the file (the header is line 1), so rows
 * are reported where they are in the file.
 */
export type CsvPiece = { kind: 'header'; header: string } | { kind: 'chunk'; firstLine: number; text: string };

export class CsvRecordTooLargeError extends Error {
  constructor(readonly line: number) {
    super(`A CSV record starting on line ${line} is larger than the chunk size`);
  }
}

const LF = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

interface ParsedRecord {
  info: Info;
}

function headerText(bytes: Buffer): string {
  const text = (bytes.subarray(0, BOM.length).equals(BOM) ? bytes.subarray(BOM.length) : bytes).toString('utf8');
  return text.replace(/\r?\n$/, '');
}

export async function* csvPieces(source: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<CsvPiece> {
  const iterator = source[Symbol.asyncIterator]();
  const toBuffer = (part: Buffer | string): Buffer => (typeof part === 'string' ? Buffer.from(part) : part);

  // The delimiter comes from the header line, so read up to its end first.
  let head = Buffer.alloc(0);
  let ended = false;
  while (head.indexOf(LF) === -1) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head = Buffer.concat([head, toBuffer(next.value)]);
    if (head.indexOf(LF) === -1 && head.length > maxBytes) throw new CsvRecordTooLargeError(1);
  }
  if (head.length === 0) return;
  const headerEnd = head.indexOf(LF);
  const delimiter = detectImportCsvDelimiter(headerText(headerEnd === -1 ? head : head.subarray(0, headerEnd)));

  /** File bytes not yet sent, starting at file offset `pendingStart`. */
  let pending: Buffer = Buffer.alloc(0);
  let pendingStart = 0;
  let fed = 0;
  /** End offset and last line of the last record the parser completed. */
  let boundary = 0;
  let boundaryLine = 0;

  async function* feed(): AsyncGenerator<Buffer> {
    let first: Buffer | undefined = head;
    for (;;) {
      let part: Buffer;
      if (first !== undefined) {
        part = first;
        first = undefined;
      } else {
        if (ended) return;
        const next = await iterator.next();
        if (next.done) return;
        part = toBuffer(next.value);
      }
      pending = pending.length === 0 ? part : Buffer.concat([pending, part]);
      fed += part.length;
      // A record that never ends (a quote never closed) must not be buffered without bound;
      // the parser lags the input by a few parts at most (one buffered here, what it holds
      // itself), hence the slack.
      if (fed - boundary > 2 * maxBytes + 4 * part.length) throw new CsvRecordTooLargeError(boundaryLine + 1);
      yield part;
    }
  }

  const parser = parse(importCsvOptions(delimiter));
  const parsing = pipeline(Readable.from(feed(), { highWaterMark: 1 }), parser);
  parsing.catch(() => undefined); // observed through the parser's iteration below

  let headerSent = false;
  let chunkStart = 0;
  let chunkFirstLine = 2;
  const take = (end: number): string => {
    const text = pending.subarray(chunkStart - pendingStart, end - pendingStart).toString('utf8');
    pending = pending.subarray(end - pendingStart);
    pendingStart = end;
    return text;
  };

  for await (const record of parser as AsyncIterable<ParsedRecord>) {
    const { bytes, lines } = record.info;
    if (!headerSent) {
      headerSent = true;
      const header = headerText(pending.subarray(0, bytes - pendingStart));
      take(bytes);
      chunkStart = bytes;
      chunkFirstLine = lines + 1;
      boundary = bytes;
      boundaryLine = lines;
      yield { kind: 'header', header };
      continue;
    }
    if (bytes - chunkStart > maxBytes) {
      if (boundary === chunkStart) throw new CsvRecordTooLargeError(chunkFirstLine);
      const text = take(boundary);
      yield { kind: 'chunk', firstLine: chunkFirstLine, text };
      chunkStart = boundary;
      chunkFirstLine = boundaryLine + 1;
      if (bytes - chunkStart > maxBytes) throw new CsvRecordTooLargeError(chunkFirstLine);
    }
    boundary = bytes;
    boundaryLine = lines;
  }
  await parsing;
  // What follows the last complete record (a record csv-parse skipped as faulty, or nothing)
  // goes to identity as well, which reports it by line.
  if (fed - chunkStart > maxBytes && boundary > chunkStart) {
    yield { kind: 'chunk', firstLine: chunkFirstLine, text: take(boundary) };
    chunkStart = boundary;
    chunkFirstLine = boundaryLine + 1;
  }
  if (fed - chunkStart > maxBytes) throw new CsvRecordTooLargeError(chunkFirstLine);
  const rest = take(fed);
  if (headerSent && rest.trim() !== '') yield { kind: 'chunk', firstLine: chunkFirstLine, text: rest };
  if (!headerSent && rest.trim() !== '') yield { kind: 'header', header: headerText(Buffer.from(rest)) };
}
