import { describe, expect, it } from '@jest/globals';
import { CsvRecordTooLargeError, csvPieces, type CsvPiece } from './csv-chunks.js';

async function collect(parts: string[], maxBytes: number): Promise<CsvPiece[]> {
  // An async source, as a request body is: each part arrives on a later turn.
  async function* source() {
    for (const part of parts) yield await Promise.resolve(Buffer.from(part));
  }
  const pieces: CsvPiece[] = [];
  for await (const piece of csvPieces(source(), maxBytes)) pieces.push(piece);
  return pieces;
}

describe('csvPieces', () => {
  it('splits after whole records only, never inside quotes, keeping global line numbers', async () => {
    const body = 'h1,h2\r\n1,a\n2,"b\nc"\n3,d\n4,e\n';
    const pieces = await collect([body.slice(0, 5), body.slice(5, 13), body.slice(13)], 12);
    expect(pieces[0]).toEqual({ kind: 'header', header: 'h1,h2' });
    const chunks = pieces.slice(1) as Array<{ firstLine: number; text: string }>;
    expect(chunks.map((c) => c.text).join('')).toBe(body.slice(7));
    for (const chunk of chunks) expect(chunk.text.endsWith('\n')).toBe(true);
    expect(chunks.find((c) => c.text.includes('"b\nc"'))).toBeDefined();
    const lineOf = (row: string): number => {
      const chunk = chunks.find((c) => c.text.includes(row)) as { firstLine: number; text: string };
      return chunk.firstLine + chunk.text.slice(0, chunk.text.indexOf(row)).split('\n').length - 1;
    };
    expect([lineOf('1,a'), lineOf('2,"b'), lineOf('3,d'), lineOf('4,e')]).toEqual([2, 3, 5, 6]);
  });

  it('sends a last record without a final line break, and only a header for a header-only body', async () => {
    expect(await collect(['a,b\n1,2'], 100)).toEqual([
      { kind: 'header', header: 'a,b' },
      { kind: 'chunk', firstLine: 2, text: '1,2' },
    ]);
    expect(await collect(['a,b'], 100)).toEqual([{ kind: 'header', header: 'a,b' }]);
  });

  it('keeps a stray quote in an unquoted field inside its record (5\'6") and goes on', async () => {
    const body = 'nik,height\n1,5\'6" tall\n2,"quoted, ok"\n3,plain\n';
    const pieces = await collect([body], 16);
    const chunks = pieces.slice(1) as Array<{ firstLine: number; text: string }>;
    expect(chunks.map((c) => c.text)).toEqual(['1,5\'6" tall\n', '2,"quoted, ok"\n', '3,plain\n']);
    expect(chunks.map((c) => c.firstLine)).toEqual([2, 3, 4]);
  });

  it('reads a header with a UTF-8 BOM and semicolons (Excel in Indonesian)', async () => {
    const body = '\ufeffnik;nama\r\n1;"A; B"\r\n';
    expect(await collect([body.slice(0, 2), body.slice(2)], 100)).toEqual([
      { kind: 'header', header: 'nik;nama' },
      { kind: 'chunk', firstLine: 2, text: '1;"A; B"\r\n' },
    ]);
  });

  it('passes a quote never closed on to identity with its line, up to the chunk limit', async () => {
    const pieces = await collect(['h,x\n1,a\n"open,b\n2,c\n'], 100);
    expect(pieces).toEqual([
      { kind: 'header', header: 'h,x' },
      { kind: 'chunk', firstLine: 2, text: '1,a\n"open,b\n2,c\n' },
    ]);
    await expect(collect(['h\n1\n"', 'x'.repeat(400)], 16)).rejects.toBeInstanceOf(CsvRecordTooLargeError);
  });

  it('cuts a large upload arriving in large parts without mistaking the parser’s lag for a long record', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},"nama ${i}, dengan koma",${'x'.repeat(40)}`);
    const body = `id,nama,isi\n${rows.join('\n')}\n`;
    const parts = Array.from({ length: Math.ceil(body.length / 200_000) }, (_, i) =>
      body.slice(i * 200_000, (i + 1) * 200_000),
    );
    const pieces = await collect(parts, 64 * 1024);
    const chunks = pieces.slice(1) as Array<{ firstLine: number; text: string }>;
    expect(chunks.map((c) => c.text).join('')).toBe(body.slice(body.indexOf('\n') + 1));
    expect(chunks.every((c) => Buffer.byteLength(c.text) <= 64 * 1024)).toBe(true);
    expect(chunks[chunks.length - 1].firstLine + chunks[chunks.length - 1].text.split('\n').length - 2).toBe(20_001);
  });

  it('refuses a record larger than a chunk', async () => {
    await expect(collect(['h\n', 'x'.repeat(50), '\n'], 16)).rejects.toBeInstanceOf(CsvRecordTooLargeError);
  });

  /** The line in the file (header = 1) where each chunk's lines start, as identity counts them. */
  function linesOf(pieces: CsvPiece[]): Map<string, number> {
    const lines = new Map<string, number>();
    for (const piece of pieces) {
      if (piece.kind !== 'chunk') continue;
      piece.text.split('\n').forEach((text, i) => lines.set(text.replace(/\r$/, ''), piece.firstLine + i));
    }
    return lines;
  }

  it('cuts a quote-free upload at line ends, in parts of any size, with the lines of the file', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i};nama ${i};${'x'.repeat(i % 50)}`);
    const body = `\ufeffid;nama;isi\r\n${rows.slice(0, 1000).join('\r\n')}\r\n\r\n${rows.slice(1000).join('\n')}`;
    const bytes = Buffer.from(body);
    const parts: string[] = [];
    for (let at = 0, size = 1; at < bytes.length; at += size, size = (size * 7 + 13) % 5000) {
      parts.push(bytes.subarray(at, at + size).toString('latin1'));
    }
    async function* source() {
      for (const part of parts) yield await Promise.resolve(Buffer.from(part, 'latin1'));
    }
    const pieces: CsvPiece[] = [];
    for await (const piece of csvPieces(source(), 1000)) pieces.push(piece);
    expect(pieces[0]).toEqual({ kind: 'header', header: 'id;nama;isi' });
    const chunks = pieces.slice(1) as Array<{ firstLine: number; text: string }>;
    expect(chunks.map((c) => c.text).join('')).toBe(body.slice(body.indexOf('\n') + 1));
    expect(chunks.every((c) => Buffer.byteLength(c.text) <= 1000)).toBe(true);
    expect(chunks.slice(0, -1).every((c) => c.text.endsWith('\n'))).toBe(true);
    const lines = linesOf(pieces);
    expect([lines.get(rows[0]), lines.get(rows[999]), lines.get(rows[1000]), lines.get(rows[2999])]).toEqual([
      2, 1001, 1003, 3002,
    ]);
  });

  it('goes on with csv-parse from the first quote, the lines after a quoted line break in place', async () => {
    const before = Array.from({ length: 500 }, (_, i) => `${i},awal ${i}`);
    const after = Array.from({ length: 500 }, (_, i) => `${i},akhir ${i}`);
    const body = `id,nama\n${before.join('\n')}\n9,"dua\nbaris"\n${after.join('\n')}\n`;
    const pieces = await collect([body.slice(0, 3000), body.slice(3000)], 700);
    expect(pieces.filter((p) => p.kind === 'header')).toEqual([{ kind: 'header', header: 'id,nama' }]);
    const chunks = pieces.slice(1) as Array<{ firstLine: number; text: string }>;
    expect(chunks.map((c) => c.text).join('')).toBe(body.slice(body.indexOf('\n') + 1));
    expect(chunks.every((c) => Buffer.byteLength(c.text) <= 700)).toBe(true);
    expect(chunks.find((c) => c.text.includes('9,"dua\nbaris"'))).toBeDefined();
    const lines = linesOf(pieces);
    expect([lines.get(before[0]), lines.get(before[499]), lines.get(after[0]), lines.get(after[499])]).toEqual([
      2, 501, 504, 1003,
    ]);
  });
});
