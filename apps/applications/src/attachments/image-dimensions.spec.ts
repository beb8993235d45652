import { describe, expect, it } from '@jest/globals';
import { jpegSize, judgeImage, pngSize } from './image-dimensions.js';

function png(width: number, height: number): Buffer {
  const head = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(head);
  head.writeUInt32BE(13, 8);
  head.write('IHDR', 12, 'latin1');
  head.writeUInt32BE(width, 16);
  head.writeUInt32BE(height, 20);
  return head;
}

function jpeg(width: number, height: number, sof = 0xc2): Buffer {
  const app1 = Buffer.from([0xff, 0xe1, 0x00, 0x06, 1, 2, 3, 4]);
  const dht = Buffer.from([0xff, 0xc4, 0x00, 0x04, 0, 0]);
  const frame = Buffer.from([0xff, sof, 0x00, 0x0b, 8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  frame.writeUInt16BE(height, 5);
  frame.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, dht, Buffer.from([0xff, 0xff]), frame]);
}

describe('image dimensions from the header', () => {
  it('reads PNG IHDR and the first JPEG SOF (skipping DHT and fill bytes)', () => {
    expect(pngSize(png(640, 480))).toEqual({ width: 640, height: 480 });
    expect(jpegSize(jpeg(4000, 3000))).toEqual({ width: 4000, height: 3000 });
  });

  it('refuses a side over 10,000 px or more than 40 MP as too large, a header it cannot read as unreadable', () => {
    expect(judgeImage('image/png', png(65_535, 65_535))).toEqual({ ok: false, reason: 'too-large' });
    expect(judgeImage('image/png', png(10_001, 1))).toEqual({ ok: false, reason: 'too-large' });
    expect(judgeImage('image/jpeg', jpeg(7000, 7000))).toEqual({ ok: false, reason: 'too-large' });
    expect(judgeImage('image/jpeg', jpeg(6000, 6000))).toMatchObject({ ok: true });
    expect(judgeImage('image/png', png(0, 10))).toEqual({ ok: false, reason: 'unreadable' });
    expect(judgeImage('image/png', png(10, 10).subarray(0, 20))).toEqual({ ok: false, reason: 'unreadable' });
    expect(judgeImage('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toEqual({
      ok: false,
      reason: 'unreadable',
    });
    expect(judgeImage('application/pdf', Buffer.from('%PDF-'))).toBeUndefined();
  });
});
