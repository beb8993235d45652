import { describe, expect, it } from '@jest/globals';
import {
  childrenOf,
  implicitConstructed,
  objectIdentifier,
  readElement,
  sequence,
  setOf,
  smallInteger,
  tlv,
} from './der.js';

describe('DER', () => {
  it('encodes object identifiers as X.690 does (multi-byte arcs in base 128)', () => {
    expect(objectIdentifier('2.16.840.1.101.3.4.2.1').toString('hex')).toBe('0609608648016503040201');
    expect(objectIdentifier('1.2.840.113549.1.9.16.2.47').toString('hex')).toBe('060b2a864886f70d010910022f');
  });

  it('uses the long length form from 128 bytes on', () => {
    expect(tlv(0x04, Buffer.alloc(127)).subarray(0, 2).toString('hex')).toBe('047f');
    expect(tlv(0x04, Buffer.alloc(128)).subarray(0, 3).toString('hex')).toBe('048180');
    expect(tlv(0x04, Buffer.alloc(70_000)).subarray(0, 5).toString('hex')).toBe('0483011170');
  });

  it('sorts SET OF elements by their encodings, as signed attributes require', () => {
    const a = smallInteger(2);
    const b = smallInteger(1);
    expect(setOf(a, b).toString('hex')).toBe('3106020101020102');
  });

  it('reads back what it writes, and re-tags a SET as [0] IMPLICIT', () => {
    const encoded = sequence(smallInteger(1), setOf(smallInteger(3)), tlv(0x04, Buffer.alloc(300, 7)));
    const root = readElement(encoded, 0);
    expect(root.end).toBe(encoded.length);
    expect(childrenOf(encoded, root).map((child) => child.tag)).toEqual([0x02, 0x31, 0x04]);
    expect(implicitConstructed(0, setOf(smallInteger(3))).toString('hex')).toBe('a003020103');
  });

  it('rejects truncated input', () => {
    expect(() => readElement(Buffer.from('3005020101', 'hex'), 0)).toThrow(RangeError);
  });
});
