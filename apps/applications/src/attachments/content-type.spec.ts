import { describe, expect, it } from '@jest/globals';
import { sniffContentType } from './content-type.js';

describe('sniffContentType', () => {
  it.each([
    ['application/pdf', Buffer.from('%PDF-1.7\n%âãÏÓ', 'latin1')],
    ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10])],
    ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00])],
  ])('knows %s by its first bytes', (type, bytes) => {
    expect(sniffContentType(bytes)).toBe(type);
  });

  it.each([
    ['a GIF', Buffer.from('GIF89a')],
    ['text that merely mentions PDF', Buffer.from('hello %PDF-')],
    ['a truncated PNG signature', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
    ['nothing', Buffer.alloc(0)],
    ['PDF without its dash', Buffer.from('%PDF1.4')],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffContentType(bytes)).toBeUndefined();
  });
});
