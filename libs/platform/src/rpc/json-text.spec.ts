import { describe, expect, it } from '@jest/globals';
import { JsonBytesWriter, JsonText } from './json-text.js';

describe('JsonBytesWriter', () => {
  it('writes the pieces as the UTF-8 bytes of their concatenation, growing past its first capacity', () => {
    const writer = new JsonBytesWriter(16);
    const pieces = ['{"results":['];
    for (let i = 0; i < 500; i++)
      pieces.push(`${i > 0 ? ',' : ''}{"n":${i},"name":"SITI AISYAH ${'É'.repeat(i % 4)} 👩🏽"}`);
    pieces.push(']}');
    for (const piece of pieces) writer.write(piece);
    const bytes = writer.bytes();
    expect(Buffer.from(bytes).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    expect((JSON.parse(Buffer.from(bytes).toString('utf8')) as { results: unknown[] }).results).toHaveLength(500);
  });

  it('writes nothing for nothing', () => {
    expect(new JsonBytesWriter().bytes()).toHaveLength(0);
  });
});

describe('JsonText', () => {
  it('serializes as the value it encodes, whether its bytes are a buffer of their own or a view into a larger one', () => {
    const value = { results: [{ nik: '1602050101900001', found: true, name: 'ÉLISE' }] };
    const text = JSON.stringify(value);
    const view = Buffer.from(`xx${text}yy`).subarray(2, 2 + Buffer.byteLength(text));
    expect(JSON.stringify({ outcome: new JsonText(view) })).toBe(JSON.stringify({ outcome: value }));
    expect(JSON.stringify({ outcome: new JsonText(Buffer.from(text)) })).toBe(JSON.stringify({ outcome: value }));
  });
});
