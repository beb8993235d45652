import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { COMMON_PASSWORD_MESSAGE, PERSONAL_PASSWORD_MESSAGE, isCommonPassword } from '#lib/domain';
import {
  IDENTITY_TEST_ENV,
  RESIDENT_PASSWORD,
  STAFF_PASSWORD,
  TEST_ADMIN,
  createStaff,
  importCsv,
  login,
  syntheticNip,
} from './factories/accounts.factory.js';
import { residentsCsv, syntheticFamilyWith } from './factories/registry.factory.js';
import { startStack, type Stack } from './support/stack.js';

const OKI = '16.02';

/**
 * Passwords nobody should pick (ASVS V2.1.7) and staff names that end up on signed documents:
 * refused with a 400 naming the field, in Bahasa Indonesia, at registration, at a password
 * change, at the forced change after a reset and at staff creation.
 */
describe('password rules and staff names', () => {
  let stack: Stack;
  let admin: string;
  const family = syntheticFamilyWith({ regencyCode: OKI, members: 3, seed: 91 });
  const [resident, other] = family.members;
  const facts = (person: typeof resident) => ({
    nik: person.nik,
    familyCardNumber: family.familyCardNumber,
    birthDate: person.birthDate,
  });
  const register = (body: object) => request(stack.url).post('/api/v1/auth/register').send(body);
  // A word of the person's name that is on no common list (so only the personal rule can refuse it).
  const nameWord = (person: typeof resident): string => {
    const word = person.fullName.split(' ').find((w) => w.length >= 3 && !isCommonPassword(`${w}#2024#2025`));
    if (word === undefined) throw new Error(`no usable name word in ${person.fullName}`);
    return word;
  };

  beforeAll(async () => {
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    const imported = await importCsv(stack.url, admin, residentsCsv([family]));
    expect(imported.body.rejected).toEqual([]);
  });

  afterAll(async () => {
    await stack?.close();
  });

  describe('registration', () => {
    it.each(['password1234', 'Bismillah123!', 'sayang12345', 'INDONESIA1945', 'kata-sandi-123', 'p@ssw0rd2024'])(
      'refuses the common password %j with a field error, and creates nothing',
      async (password) => {
        const response = await register({ ...facts(resident), password });
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body.errors).toEqual([{ field: 'password', message: COMMON_PASSWORD_MESSAGE }]);
      },
    );

    it('refuses a password built from the NIK, the birth date or the name', async () => {
      const [year, month, day] = resident.birthDate.split('-');
      for (const password of [
        `nik${resident.nik}`,
        `lahir-${day}${month}${year}`,
        `${nameWord(resident).toLowerCase()}#2024#2025`,
      ]) {
        const response = await register({ ...facts(resident), password });
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ field: 'password', message: PERSONAL_PASSWORD_MESSAGE }]);
      }
    });

    it('says nothing about the name when the registry facts are wrong: the one generic 422', async () => {
      const response = await register({
        ...facts(resident),
        birthDate: '1950-01-01',
        password: `${nameWord(resident).toLowerCase()}#2024#2025`,
      });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('AUTH.REGISTRATION_REJECTED');
    });

    it('accepts a good password afterwards', async () => {
      await register({ ...facts(resident), password: RESIDENT_PASSWORD }).expect(201);
      await register({ ...facts(other), password: RESIDENT_PASSWORD }).expect(201);
    });
  });

  describe('password change', () => {
    it('refuses a common or personal new password (400 on newPassword); the old password still works', async () => {
      const token = await login(stack.url, resident.nik, RESIDENT_PASSWORD);
      for (const [newPassword, message] of [
        ['Password2024!', COMMON_PASSWORD_MESSAGE],
        ['rahasia12345', COMMON_PASSWORD_MESSAGE],
        [`${nameWord(resident)}!!2024!!`, PERSONAL_PASSWORD_MESSAGE],
        [`kk${family.familyCardNumber}`, PERSONAL_PASSWORD_MESSAGE],
      ] as const) {
        const response = await request(stack.url)
          .post('/api/v1/me/password')
          .set('authorization', `Bearer ${token}`)
          .send({ currentPassword: RESIDENT_PASSWORD, newPassword });
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ field: 'newPassword', message }]);
      }
      await login(stack.url, resident.nik, RESIDENT_PASSWORD);
    });

    it('holds the forced change after a reset to the same rules', async () => {
      const staffId = await createStaff(stack.url, admin, {
        username: 'dewi.loket',
        role: 'CLERK',
        regencyCode: OKI,
        fullName: 'Dewi Lestari, S.Kom.',
      });
      const reset = await request(stack.url)
        .post(`/api/v1/admin/staff/${staffId}/reset-password`)
        .set('authorization', `Bearer ${admin}`)
        .expect(200);
      const temporary = reset.body.temporaryPassword as string;
      const restricted = await login(stack.url, 'dewi.loket', temporary);
      for (const [newPassword, message] of [
        ['qwertyuiop123', COMMON_PASSWORD_MESSAGE],
        ['dewi.loket2025', PERSONAL_PASSWORD_MESSAGE],
        ['Lestari!!2025', PERSONAL_PASSWORD_MESSAGE],
      ] as const) {
        const response = await request(stack.url)
          .post('/api/v1/me/password')
          .set('authorization', `Bearer ${restricted}`)
          .send({ currentPassword: temporary, newPassword });
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ field: 'newPassword', message }]);
      }
      await request(stack.url)
        .post('/api/v1/me/password')
        .set('authorization', `Bearer ${restricted}`)
        .send({ currentPassword: temporary, newPassword: 'kuda-laut-berenang-7' })
        .expect(204);
    });
  });

  describe('staff creation', () => {
    const staff = (changes: object) => ({
      username: 'budi.arsip',
      password: STAFF_PASSWORD,
      fullName: 'Dr. Budi Santoso, S.Sos., M.Si.',
      nip: syntheticNip(),
      role: 'OFFICIAL',
      regencyCode: OKI,
      ...changes,
    });
    const create = (body: object) =>
      request(stack.url).post('/api/v1/admin/staff').set('authorization', `Bearer ${admin}`).send(body);

    it('refuses a common password, or one built from the username or name', async () => {
      for (const [password, message] of [
        ['Bismillah2025', COMMON_PASSWORD_MESSAGE],
        ['budi.arsip2025', PERSONAL_PASSWORD_MESSAGE],
        ['santoso-2025-01', PERSONAL_PASSWORD_MESSAGE],
      ] as const) {
        const response = await create(staff({ password }));
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ field: 'password', message }]);
      }
    });

    it.each(['<img src=x onerror=alert(1)>', 'Budi "Boss" Santoso', 'Budi; Santoso', '{{7*7}}', '   '])(
      'refuses the fullName %j: it would be printed under what the official signs',
      async (fullName) => {
        const response = await create(staff({ fullName }));
        expect(response.status).toBe(400);
        expect((response.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(['fullName']);
      },
    );

    it('accepts a name with titles and the punctuation names use', async () => {
      const created = await create(staff({}));
      expect(created.status).toBe(201);
      const listed = await request(stack.url).get('/api/v1/admin/staff').set('authorization', `Bearer ${admin}`);
      const row = (listed.body.items as Array<{ id: string; fullName: string }>).find((s) => s.id === created.body.id);
      expect(row?.fullName).toBe('Dr. Budi Santoso, S.Sos., M.Si.');
    });
  });
});
