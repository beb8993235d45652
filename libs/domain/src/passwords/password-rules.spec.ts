import { describe, expect, it } from '@jest/globals';
import {
  COMMON_PASSWORD_MESSAGE,
  PERSONAL_PASSWORD_MESSAGE,
  commonPasswordProblem,
  isCommonPassword,
  isPersonalPassword,
  personalPasswordProblem,
} from './password-rules.js';

describe('common passwords (ASVS V2.1.7)', () => {
  it.each([
    'password',
    'PASSWORD',
    'Password123',
    'password1234!',
    'p@ssw0rd2024',
    'P@SSW0RD!!!!',
    'qwertyuiop',
    'Qwertyuiop1',
    '1234567890',
    '0987654321',
    '1111111111',
    '!!!!!!!!!!',
    'abcabcabcabc',
    'iloveyou2024',
    'football12345',
    'trustno1trustno1',
    // Indonesian: with digits, symbols, separators, upper case, repeated
    'bismillah',
    'Bismillah123',
    'bismillah!!2025',
    'Sayang12345',
    'sayangsayang',
    'INDONESIA1945',
    'indonesia1945!',
    'katasandi123',
    'kata-sandi-123',
    'Kata Sandi 2024',
    'rahasia12345',
    'Dukcapil2026',
    '12345sayang',
    '2024202420242024',
  ])('refuses %j', (password) => {
    expect(isCommonPassword(password)).toBe(true);
    expect(commonPasswordProblem(password)).toBe(COMMON_PASSWORD_MESSAGE);
  });

  it.each([
    'kata-sandi-contoh-1',
    'kata-sandi-baru-123',
    'Demo-Warga-2026',
    'planted-password-123',
    'kuda-laut-berenang-7',
    'Sungai Musi pagi hari',
    '8391047265',
    'correct horse battery staple',
    'bismillah lancar ujian 2026',
    '12-kuda-laut-berenang',
  ])('accepts %j', (password) => {
    expect(isCommonPassword(password)).toBe(false);
    expect(commonPasswordProblem(password)).toBeUndefined();
  });
});

describe('passwords built from the person (NIK, No. KK, birth date, name, username)', () => {
  const resident = {
    nik: '1602054101900001',
    familyCardNumber: '1602050101150001',
    birthDate: '1990-01-01',
    fullName: 'SITI AMINAH',
  };
  const staff = { username: 'budi.clerk', fullName: 'Budi Santoso, S.Kom.', nip: '198001012010011001' };

  it.each([
    ['the NIK', 'nik1602054101900001'],
    ['the NIK with symbols around', '!1602054101900001!'],
    ['the No. KK', 'kk-1602050101150001'],
    ['the birth date DDMMYYYY', 'lahir01011990'],
    ['the birth date YYYYMMDD', 'x19900101xyz'],
    ['the NIK birth block', 'siapa-410190'],
    ['the name', 'Aminah12345'],
    ['the whole name', 'sitiaminah2024'],
    ['a name twice', 'aminahaminah1'],
    ['the name with symbols', 'Aminah!!2024'],
  ])('refuses %s for a resident', (_what, password) => {
    expect(isPersonalPassword(password, resident)).toBe(true);
    expect(personalPasswordProblem(password, resident)).toBe(PERSONAL_PASSWORD_MESSAGE);
  });

  it.each([
    ['the username', 'budi.clerk2024'],
    ['the username without its dot', 'BudiClerk!!!!'],
    ['the surname', 'santoso123456'],
    ['the NIP', 'nip198001012010011001'],
  ])('refuses %s for a staff member', (_what, password) => {
    expect(isPersonalPassword(password, staff)).toBe(true);
  });

  it.each(['kata-sandi-contoh-1', 'aminah-suka-kopi-pahit', 'Sungai Musi 2026'])('accepts %j', (password) => {
    expect(isPersonalPassword(password, resident)).toBe(false);
    expect(isPersonalPassword(password, staff)).toBe(false);
  });

  it('knows nothing with no facts, or facts too short or malformed to go by', () => {
    expect(isPersonalPassword('sitiaminah2024', {})).toBe(false);
    expect(
      isPersonalPassword('12345-ab-1990-01-01', { nik: '12345', nip: null, birthDate: '01/01/1990', fullName: 'ab' }),
    ).toBe(false);
  });
});
