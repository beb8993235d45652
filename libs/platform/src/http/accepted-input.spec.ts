import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#lib/domain';
import { acceptedBody, MAX_BODY_DEPTH } from './accepted-input.js';

describe('acceptedBody: a public body made fit for the routes', () => {
  /** `levels` objects and lists inside each other around a number. */
  const nested = (levels: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { a: value };
    return value;
  };
  const refusedAs = (body: unknown): DomainError | undefined => {
    try {
      acceptedBody(body);
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return error as DomainError;
    }
  };
  const refused = (body: unknown): string | undefined => {
    const error = refusedAs(body);
    if (error !== undefined) expect(error.code).toBe('REQUEST.MALFORMED');
    return error?.message;
  };
  /** The fields a U+0000 is refused in (400 VALIDATION.FAILED), or undefined when taken. */
  const nulFields = (body: unknown): string[] | undefined => {
    const error = refusedAs(body);
    if (error === undefined) return undefined;
    expect(error.code).toBe('VALIDATION.FAILED');
    expect(error.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^tidak boleh memuat karakter NUL \(\\u0000\): ada pada karakter ke-\d+$/),
    ]);
    return error.errors.map((e) => e.field);
  };
  const messageOf = (body: unknown): string | undefined => refusedAs(body)?.errors[0]?.message;

  it('says which character is refused and where, counted in code points (an emoji outside the BMP is one)', () => {
    expect(messageOf({ reason: 'ab\u0000' })).toBe('tidak boleh memuat karakter NUL (\\u0000): ada pada karakter ke-3');
    expect(messageOf({ name: '💻 Bank \u202eX' })).toBe(
      'tidak boleh memuat karakter pengubah arah teks (U+202A–U+202E, U+2066–U+2069): U+202E pada karakter ke-8',
    );
    expect(messageOf({ newPassword: 'a\u202eb\u0000' })).toBe(
      'tidak boleh memuat karakter NUL (\\u0000): ada pada karakter ke-4',
    );
  });

  it(`takes ${MAX_BODY_DEPTH} levels and refuses one more, without recursing`, () => {
    expect(refused({ a: nested(MAX_BODY_DEPTH - 1) })).toBeUndefined();
    expect(refused({ a: nested(MAX_BODY_DEPTH) })).toBe(
      'Isi permintaan bersarang terlalu dalam (paling banyak 32 tingkat)',
    );
    // Far deeper than the stack would take in a recursive walk.
    expect(refused(nested(200_000))).toMatch(/terlalu dalam/);
  });

  it('refuses U+0000 in a value or a key at any depth, naming the field, and takes other control characters', () => {
    expect(nulFields({ reason: 'a\u0000' })).toEqual(['reason']);
    expect(nulFields({ items: [{ nik: '1' }, { purpose: 'a\u0000b' }] })).toEqual(['items[1].purpose']);
    expect(nulFields({ items: [{ ['x\u0000']: 'b' }] })).toEqual(['items[0].x\\u0000']);
    expect(nulFields({ list: ['ok', '\u0000'] })).toEqual(['list[1]']);
    expect(nulFields({ child: { names: [['a', '\u0000']] } })).toEqual(['child.names[0][1]']);
    expect(nulFields({ reason: 'baris satu\r\nbaris dua\t\u0007' })).toBeUndefined();
  });

  it('refuses bidirectional controls in a value or a key at any depth, except in a password', () => {
    const bidiFields = (body: unknown): string[] | undefined => {
      const error = refusedAs(body);
      if (error === undefined) return undefined;
      expect(error.code).toBe('VALIDATION.FAILED');
      expect(error.errors.map((e) => e.message)).toEqual([
        expect.stringMatching(
          /^tidak boleh memuat karakter pengubah arah teks \(U\+202A–U\+202E, U\+2066–U\+2069\): U\+20(2[A-E]|6[6-9]) pada karakter ke-\d+$/,
        ),
      ]);
      return error.errors.map((e) => e.field);
    };
    // Every embedding, override and isolate, alone or inside text.
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(bidiFields({ name: `Bank ${String.fromCharCode(code)}Sejahtera` })).toEqual(['name']);
    }
    expect(bidiFields({ items: [{ nik: '1' }, { purpose: 'KREDIT \u202e0001' }] })).toEqual(['items[1].purpose']);
    expect(bidiFields({ ['a\u2066b']: 'x' })).toEqual(['a\\u2066b']);
    expect(bidiFields({ q: ['x', '\u2067'] })).toEqual(['q[1]']);
    // A password is never shown: only U+0000 is refused there.
    const passwords = { password: 'a\u202eb', currentPassword: '\u2066', newPassword: 'c\u2069' };
    expect(refusedAs({ ...passwords })).toBeUndefined();
    expect(nulFields({ newPassword: 'a\u0000' })).toEqual(['newPassword']);
    expect(bidiFields({ passwordHint: '\u202e' })).toEqual(['passwordHint']);
    // Marks and joiners that are not controls stay allowed here (`@IsReadableText()` is stricter).
    expect(refusedAs({ name: 'ZWJ 👩\u200d💻, LRM \u200e, RLM \u200f, Ar \u0627' })).toBeUndefined();
  });

  it('removes properties that are null, at any depth, and keeps null list items for validation', () => {
    const body = { a: null, b: 'x', c: { d: null, e: [null, { f: null, g: 0 }] } };
    expect(acceptedBody(body)).toEqual({ b: 'x', c: { e: [null, { g: 0 }] } });
    expect(Object.keys(body)).toEqual(['b', 'c']);
  });
});
