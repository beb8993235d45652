/**
 * The pixel size an image declares, read from its header without decoding it: PNG's IHDR, the
 * first JPEG start-of-frame (SOFn) segment. A 60 kB PNG may declare 65,535 × 65,535 pixels,
 * which a clerk's browser would then try to draw (a decompression bomb); such an image is
 * refused before it is stored (issue #13).
 */

/** The longest side an evidence image may declare. */
export const MAX_IMAGE_SIDE = 10_000;
/** Decoded pixels an evidence image may declare (40 MP: ≈160 MB as RGBA in a browser). */
export const MAX_IMAGE_PIXELS = 40_000_000;

export interface ImageSize {
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG: the signature, then the IHDR chunk first of all (length 13, type `IHDR`, width, height). */
export function pngSize(data: Uint8Array): ImageSize | undefined {
  if (data.length < 24 || !PNG_SIGNATURE.every((byte, i) => data[i] === byte)) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const type = String.fromCharCode(data[12], data[13], data[14], data[15]);
  if (view.getUint32(8) !== 13 || type !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** SOF markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * JPEG: walks the marker segments from SOI to the first SOFn (height, then width, big-endian
 * after the precision byte). Undefined when there is none before the scan data: not an image
 * anyone can draw, and refused like any other unknown content.
 */
export function jpegSize(data: Uint8Array): ImageSize | undefined {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 2;
  while (offset + 4 <= data.length) {
    if (data[offset] !== 0xff) return undefined;
    const marker = data[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    // Markers without a length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end, or scan data before any frame
    const length = view.getUint16(offset + 2);
    if (length < 2) return undefined;
    if (isStartOfFrame(marker)) {
      if (offset + 9 > data.length) return undefined;
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}

export type ImageVerdict = { ok: true; size: ImageSize } | { ok: false; reason: 'unreadable' | 'too-large' };

/** Whether an image of this content type may be stored: a readable header, within the limits. */
export function judgeImage(contentType: string, data: Uint8Array): ImageVerdict | undefined {
  const size = contentType === 'image/png' ? pngSize(data) : contentType === 'image/jpeg' ? jpegSize(data) : undefined;
  if (contentType !== 'image/png' && contentType !== 'image/jpeg') return undefined;
  if (size === undefined || size.width === 0 || size.height === 0) return { ok: false, reason: 'unreadable' };
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS) {
    return { ok: false, reason: 'too-large' };
  }
  return { ok: true, size };
}
