import { describe, expect, it } from '@jest/globals';
import { tokenOfTypedCode, verificationCodeOf } from './verification-code.js';

const TOKEN = 'q3_Zx-9aBcDeFgHiJkLmNoPq';

describe('verification code', () => {
  it('prints the token as 29 base32 characters in groups of four, and reads it back', () => {
    const code = verificationCodeOf(TOKEN) as string;
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]$/);
    expect(tokenOfTypedCode(code)).toEqual({ token: TOKEN });
  });

  it('accepts the code in lower case, with spaces or dashes anywhere, and I, L, O for 1, 1, 0', () => {
    const code = verificationCodeOf(TOKEN) as string;
    const plain = code.replace(/-/g, '');
    expect(tokenOfTypedCode(` ${plain.toLowerCase().replace(/(.{4})/g, '$1 ')} `)).toEqual({ token: TOKEN });
    expect(tokenOfTypedCode(plain.replace(/(.{3})/g, '$1-'))).toEqual({ token: TOKEN });
    const zeroToken = 'AAAAAAAAAAAAAAAAAAAAAAAB';
    const zeroCode = verificationCodeOf(zeroToken) as string;
    expect(zeroCode.startsWith('0000')).toBe(true);
    expect(tokenOfTypedCode(zeroCode.replace(/0/g, 'o'))).toEqual({ token: zeroToken });
    const oneToken = verificationCodeOf('BBBBBBBBBBBBBBBBBBBBBBBB') as string;
    expect(tokenOfTypedCode(oneToken.replace(/1/g, 'l'))).toEqual({ token: 'BBBBBBBBBBBBBBBBBBBBBBBB' });
    expect(tokenOfTypedCode(oneToken.replace(/1/g, 'I'))).toEqual({ token: 'BBBBBBBBBBBBBBBBBBBBBBBB' });
  });

  it('takes a pasted address or the token itself', () => {
    expect(tokenOfTypedCode(`https://adminduk.okikab.go.id/verifikasi/${TOKEN}`)).toEqual({ token: TOKEN });
    expect(tokenOfTypedCode(`  ${TOKEN} `)).toEqual({ token: TOKEN });
  });

  it('tells an empty field from a code that cannot be one', () => {
    expect(tokenOfTypedCode('   ')).toEqual({ problem: 'EMPTY' });
    expect(tokenOfTypedCode('1602-LU-28112026-0001')).toEqual({ problem: 'MALFORMED' });
    expect(tokenOfTypedCode('U'.repeat(29))).toEqual({ problem: 'MALFORMED' });
    const code = (verificationCodeOf(TOKEN) as string).replace(/-/g, '');
    expect(tokenOfTypedCode(code.slice(0, 28) + 'Z')).toEqual({ problem: 'MALFORMED' });
  });

  it('reads a code of any token length back, and refuses a length no token has', () => {
    const short = 'AbCdEfGhIjKlMnOpQrStUv'; // 22 characters, 132 bits
    const code = verificationCodeOf(short) as string;
    expect(code.replace(/-/g, '')).toHaveLength(27);
    expect(tokenOfTypedCode(code)).toEqual({ token: short });
    expect(tokenOfTypedCode('0'.repeat(25))).toEqual({ problem: 'MALFORMED' });
    expect(tokenOfTypedCode('0'.repeat(12))).toEqual({ problem: 'MALFORMED' });
  });

  it('has no code for a token not of the issued form', () => {
    expect(verificationCodeOf('short')).toBeUndefined();
  });
});
