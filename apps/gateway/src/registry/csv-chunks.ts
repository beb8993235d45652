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

const QUOTE = 0x22;

/**
 * Cuts the upload; csv-parse only where it is needed. Outside quotes (the import's dialect ends
 * records at `\r\n` or `\n` only), a run of bytes starting at a record boundary and holding no
 * `"` ends a record at each `\n`: such a run is cut at its last `\n` within `maxBytes` without a
 * parser (a tenth of csv-parse's time, which was the gateway's largest cost in an import). From
 * the first `"` on, the rest of the file goes through csv-parse (`csvPiecesParsed`), which sees
 * the original header line and then the rest, its line numbers shifted into place.
 */
export async function* csvPieces(source: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<CsvPiece> {
  const iterator = source[Symbol.asyncIterator]();
  const toBuffer = (part: Buffer | string): Buffer => (typeof part === 'string' ? Buffer.from(part) : part);
  let pending: Buffer = Buffer.alloc(0);
  let ended = false;
  const more = async (): Promise<boolean> => {
    if (ended) return false;
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      return false;
    }
    const part = toBuffer(next.value);
    pending = pending.length === 0 ? part : Buffer.concat([pending, part]);
    return true;
  };
  /** Everything not read yet, from `pending` on, for csv-parse. */
  async function* rest(prefix: Buffer[]): AsyncGenerator<Buffer> {
    for (const part of prefix) if (part.length > 0) yield part;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  }

  while (pending.indexOf(LF) === -1) {
    if (!(await more())) break;
    if (pending.indexOf(LF) === -1 && pending.length > maxBytes) throw new CsvRecordTooLargeError(1);
  }
  const headerEnd = pending.indexOf(LF);
  if (headerEnd === -1 || pending.subarray(0, headerEnd).indexOf(QUOTE) !== -1) {
    yield* csvPiecesParsed(rest([pending]), maxBytes);
    return;
  }
  const headerBytes = pending.subarray(0, headerEnd + 1);
  yield { kind: 'header', header: headerText(headerBytes) };
  pending = pending.subarray(headerEnd + 1);
  let firstLine = 2;

  for (;;) {
    while (pending.length <= maxBytes && (await more()));
    const window = pending.subarray(0, maxBytes);
    if (window.indexOf(QUOTE) !== -1) {
      // From this chunk on, csv-parse finds the records (quoted fields may hold line breaks).
      const offset = firstLine - 2;
      try {
        for await (const piece of csvPiecesParsed(rest([headerBytes, pending]), maxBytes)) {
          if (piece.kind === 'chunk') yield { ...piece, firstLine: piece.firstLine + offset };
        }
      } catch (error) {
        throw error instanceof CsvRecordTooLargeError ? new CsvRecordTooLargeError(error.line + offset) : error;
      }
      return;
    }
    if (ended && pending.length <= maxBytes) {
      const text = pending.toString('utf8');
      if (text.trim() !== '') yield { kind: 'chunk', firstLine, text };
      return;
    }
    const cut = window.lastIndexOf(LF) + 1;
    if (cut === 0) throw new CsvRecordTooLargeError(firstLine);
    const text = pending.subarray(0, cut).toString('utf8');
    yield { kind: 'chunk', firstLine, text };
    firstLine += countLines(pending, cut);
    pending = pending.subarray(cut);
  }
}

function countLines(bytes: Buffer, end: number): number {
  let lines = 0;
  for (let at = bytes.indexOf(LF); at !== -1 && at < end; at = bytes.indexOf(LF, at + 1)) lines++;
  return lines;
}

/** The cutting by csv-parse's record boundaries, for uploads with quotes. */
async function* csvPiecesParsed(source: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<CsvPiece> {
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
