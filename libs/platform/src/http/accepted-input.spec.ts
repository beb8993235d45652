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
    expect(error.errors.map((e) => e.message)).toEqual(['tidak boleh memuat karakter NUL (\\u0000)']);
    return error.errors.map((e) => e.field);
  };

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

  it('removes properties that are null, at any depth, and keeps null list items for validation', () => {
    const body = { a: null, b: 'x', c: { d: null, e: [null, { f: null, g: 0 }] } };
    expect(acceptedBody(body)).toEqual({ b: 'x', c: { e: [null, { g: 0 }] } });
    expect(Object.keys(body)).toEqual(['b', 'c']);
  });
});
