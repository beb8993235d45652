import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { COMMON_PASSWORD_MESSAGE } from '#lib/domain';
import { validationErrorsToFieldErrors } from '#lib/validation';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateStaffRequest, RegisterAccountRequest } from './account.messages.js';
import { ChangePasswordRequest } from './session.messages.js';

const principal = { accountId: '00000000-0000-4000-8000-000000000001', role: 'ADMIN', regencyCode: '16.02' };
const staff = {
  principal,
  username: 'siti.clerk',
  password: 'kata-sandi-contoh-1',
  fullName: 'Dr. Siti Aminah, S.Sos., M.Si.',
  nip: '198501012010011001',
  role: 'OFFICIAL',
  regencyCode: '16.02',
};

async function errorsOf(cls: new () => object, plain: Record<string, unknown>) {
  return validationErrorsToFieldErrors(await validate(plainToInstance(cls, plain)));
}

describe('new passwords refused when common (register, change, staff creation)', () => {
  it.each([
    [
      RegisterAccountRequest,
      { nik: '1602054101900001', familyCardNumber: '1602050101150001', birthDate: '1990-01-01' },
      'password',
    ],
    [ChangePasswordRequest, { principal, currentPassword: 'anything' }, 'newPassword'],
    [CreateStaffRequest, { ...staff }, 'password'],
  ] as const)('%p names the field', async (cls, rest, field) => {
    const errors = await errorsOf(cls, { ...rest, [field]: 'Bismillah123!' });
    expect(errors).toEqual([{ field, message: COMMON_PASSWORD_MESSAGE }]);
    expect(await errorsOf(cls, { ...rest, [field]: 'kuda-laut-berenang-7' })).toEqual([]);
  });
});

describe('staff fullName: the document-text rule (it is printed under what an official signs)', () => {
  it.each(['Dr. Siti Aminah, S.Sos., M.Si.', "Ni Luh Putu Ayu D'Arcy", 'Hj. Ñoño Đặng (Plt.)'])(
    'accepts %j',
    async (fullName) => {
      expect(await errorsOf(CreateStaffRequest, { ...staff, fullName })).toEqual([]);
    },
  );

  it.each(['<img src=x onerror=alert(1)>', 'Budi "Boss" Santoso', 'Budi; DROP', '{{7*7}}', '   '])(
    'refuses %j',
    async (fullName) => {
      const errors = await errorsOf(CreateStaffRequest, { ...staff, fullName });
      expect(errors.map((e) => e.field)).toEqual(['fullName']);
    },
  );
});
