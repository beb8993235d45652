import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#lib/domain';
import { jsonTextMayHoldRefused } from '../http/accepted-input.js';
import { parseRelayedBody, relayedPayload, splitRelayed } from './relayed-body.js';

function refusal(text: string): { code: string; message: string } | undefined {
  try {
    parseRelayedBody(text);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { code: (error as DomainError).code, message: (error as DomainError).message };
  }
}

describe('a body relayed unparsed', () => {
  it('travels after the packet line and comes back byte for byte, multi-byte text included', () => {
    const body = Buffer.from('{"items":[{"fullName":"SITI ’AISYAH\\n"}]}\n');
    const split = splitRelayed(relayedPayload('{"id":"1","data":{}}', body));
    expect(split).toEqual({ packetLine: '{"id":"1","data":{}}', bodyText: body.toString('utf8') });
    expect(splitRelayed(Buffer.from('{"id":"1"}'))).toBeUndefined();
  });

  it('parses an object, with names written as \\u escapes', () => {
    expect(parseRelayedBody('{"items":[{"fullName":"\\u0053ITI"}]}')).toEqual({ items: [{ fullName: 'SITI' }] });
    expect(parseRelayedBody(' {"constructor":"x"} ')).toEqual({ constructor: 'x' });
  });

  it.each([
    ['', 'Isi permintaan kosong'],
    ['  \n', 'Isi permintaan bukan JSON yang sah'],
    ['{"items": [', 'Isi permintaan bukan JSON yang sah'],
    ['[]', 'Isi permintaan harus berupa objek JSON'],
    ['null', 'Isi permintaan harus berupa objek JSON'],
    ['"x"', 'Isi permintaan harus berupa objek JSON'],
    ['{"__proto__":{"admin":true}}', 'Isi permintaan bukan JSON yang sah'],
    ['{"items":[{"\\u005f_proto__":{"admin":true}}]}', 'Isi permintaan bukan JSON yang sah'],
    ['{"a":{"constructor":{"prototype":{"admin":true}}}}', 'Isi permintaan bukan JSON yang sah'],
  ])('refuses %j as the gateway does', (text, message) => {
    expect(refusal(text)).toEqual({ code: 'REQUEST.MALFORMED', message });
    expect(({} as { admin?: boolean }).admin).toBeUndefined();
  });
});

describe('parseRelayedBody and acceptedBody', () => {
  it('applies to a relayed body too', () => {
    expect(parseRelayedBody('{"items":[{"nik":"1","fullName":null}]}')).toEqual({ items: [{ nik: '1' }] });
    expect(() => parseRelayedBody('{"items":[{"purpose":"a\\u0000"}]}')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION.FAILED',
        errors: [expect.objectContaining({ field: 'items[0].purpose' })],
      }),
    );
    expect(refusal(`${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`)?.message).toMatch(/terlalu dalam/);
  });

  // A text with no escape and no bidirectional control is walked for depth and nulls only: the
  // same verdicts whichever way a refused character is written, in a value, a key or a list.
  it.each([
    ['{"items":[{"purpose":"a\\u202eb"}]}', 'items[0].purpose'],
    ['{"items":[{"purpose":"a\\u202Eb"}]}', 'items[0].purpose'],
    ['{"items":[{"purpose":"a\u202eb"}]}', 'items[0].purpose'],
    ['{"items":[{"p\u2066":"x"}]}', 'items[0].p\\u2066'],
    ['{"items":[{"nik":"1"},"\\u0000"]}', 'items[1]'],
    ['{"newPassword":"\\u0000"}', 'newPassword'],
  ])('refuses %j naming %s', (text, field) => {
    expect(() => parseRelayedBody(text)).toThrow(
      expect.objectContaining({ code: 'VALIDATION.FAILED', errors: [expect.objectContaining({ field })] }),
    );
  });

  it('walks a clean text for depth and nulls alone, with the same result', () => {
    const text = JSON.stringify({ items: [{ nik: '1', fullName: null, list: [null, { a: null, b: 'é' }] }], x: null });
    expect(jsonTextMayHoldRefused(text)).toBe(false);
    expect(parseRelayedBody(text)).toEqual({ items: [{ nik: '1', list: [null, { b: 'é' }] }] });
    expect(refusal(`{"items":${'['.repeat(40)}${']'.repeat(40)}}`)?.message).toMatch(/terlalu dalam/);
    expect(jsonTextMayHoldRefused('{"a":"\\u0041"}')).toBe(true);
    expect(jsonTextMayHoldRefused('{"a":"⁩"}')).toBe(true);
  });
});
