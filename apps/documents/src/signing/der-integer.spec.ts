import { AsnConvert, AsnIntegerArrayBufferConverter, AsnProp, AsnPropTypes } from '@peculiar/asn1-schema';
import { randomPositiveInteger } from './der-integer.js';

class Holder {
  @AsnProp({ type: AsnPropTypes.Integer, converter: AsnIntegerArrayBufferConverter })
  value = new ArrayBuffer(0);
}

describe('randomPositiveInteger', () => {
  // One draw in 512 used to start 0x00 followed by a byte below 0x80: OpenSSL refused the
  // token's nonce as "illegal padding". 20,000 draws would have hit that ~39 times.
  it('is always the minimal DER encoding of a positive INTEGER', () => {
    for (let i = 0; i < 20_000; i++) {
      const bytes = randomPositiveInteger(8);
      expect(bytes).toHaveLength(8);
      expect(bytes[0]).toBeGreaterThan(0);
      expect(bytes[0]).toBeLessThan(0x80);
    }
  });

  it('survives a DER round trip byte for byte', () => {
    for (let i = 0; i < 200; i++) {
      const bytes = randomPositiveInteger(8);
      const holder = new Holder();
      holder.value = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 8);
      const der = Buffer.from(AsnConvert.serialize(holder));
      // SEQUENCE { INTEGER (8 bytes) }: no padding byte added, none needed.
      expect(der.subarray(2, 4)).toEqual(Buffer.from([0x02, 0x08]));
      expect(der.subarray(4)).toEqual(bytes);
    }
  });

  it('differs between draws', () => {
    const seen = new Set(Array.from({ length: 1_000 }, () => randomPositiveInteger(8).toString('hex')));
    expect(seen.size).toBe(1_000);
  });
});
