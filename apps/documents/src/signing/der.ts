/**
 * The little DER (ASN.1 distinguished encoding) that a CMS signature needs: building a handful of
 * types, and reading a certificate far enough to copy its issuer and serial number byte for byte.
 * Building the SignedData from bytes keeps the per-document work to one hash and one private-key
 * operation; a general ASN.1 object model (node-forge's) costs more than the signature itself.
 */

export const Tag = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OBJECT_IDENTIFIER: 0x06,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

function lengthBytes(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One element: tag, length, contents. */
export function tlv(tag: number, ...contents: Buffer[]): Buffer {
  const body = contents.length === 1 ? contents[0] : Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), lengthBytes(body.length), body]);
}

export const sequence = (...contents: Buffer[]): Buffer => tlv(Tag.SEQUENCE, ...contents);

/** SET OF, with its elements in the order DER requires (ascending encodings). */
export function setOf(...elements: Buffer[]): Buffer {
  return tlv(Tag.SET, ...[...elements].sort((a, b) => Buffer.compare(a, b)));
}

export const octetString = (value: Buffer): Buffer => tlv(Tag.OCTET_STRING, value);

export const NULL = Buffer.from([Tag.NULL, 0x00]);

/** A small non-negative INTEGER (versions). */
export function smallInteger(value: number): Buffer {
  if (!Number.isInteger(value) || value < 0 || value > 127) throw new RangeError(`Not a small integer: ${value}`);
  return tlv(Tag.INTEGER, Buffer.from([value]));
}

export function objectIdentifier(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((arc) => !Number.isSafeInteger(arc) || arc < 0)) {
    throw new RangeError(`Not an object identifier: ${dotted}`);
  }
  const bytes: number[] = [arcs[0] * 40 + arcs[1]];
  for (const arc of arcs.slice(2)) {
    const groups: number[] = [arc & 0x7f];
    for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128))
      groups.unshift((rest & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return tlv(Tag.OBJECT_IDENTIFIER, Buffer.from(bytes));
}

/** `[n]` EXPLICIT (constructed, context-specific): wraps whole elements. */
export function explicit(tagNumber: number, ...elements: Buffer[]): Buffer {
  return tlv(0xa0 | tagNumber, ...elements);
}

/** `[n]` IMPLICIT over a constructed type: the same contents under the context tag. */
export function implicitConstructed(tagNumber: number, element: Buffer): Buffer {
  const { contentStart, end } = readElement(element, 0);
  return tlv(0xa0 | tagNumber, element.subarray(contentStart, end));
}

export interface DerElement {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  contentStart: number;
  /** Offset just past the element. */
  end: number;
}

/** Reads the element at `offset` (definite lengths only, as DER requires). */
export function readElement(data: Buffer, offset: number): DerElement {
  if (offset + 2 > data.length) throw new RangeError('DER: truncated element');
  const tag = data[offset];
  if ((tag & 0x1f) === 0x1f) throw new RangeError('DER: multi-byte tags are not used here');
  let length = data[offset + 1];
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new RangeError('DER: indefinite or oversized length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + data[contentStart + i];
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > data.length) throw new RangeError('DER: element runs past the end');
  return { tag, start: offset, contentStart, end };
}

/** The elements directly inside a constructed element. */
export function childrenOf(data: Buffer, parent: DerElement): DerElement[] {
  const children: DerElement[] = [];
  for (let offset = parent.contentStart; offset < parent.end;) {
    const child = readElement(data, offset);
    children.push(child);
    offset = child.end;
  }
  return children;
}

export function bytesOf(data: Buffer, element: DerElement): Buffer {
  return data.subarray(element.start, element.end);
}
