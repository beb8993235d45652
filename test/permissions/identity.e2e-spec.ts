import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  IDENTITY_TEST_ENV,
  RESIDENT_PASSWORD,
  STAFF_PASSWORD,
  TEST_ADMIN,
  createStaff,
  importCsv,
  login,
  registerResident,
  syntheticNip,
} from '../factories/accounts.factory.js';
import { residentsCsv, syntheticFamilyWith } from '../factories/registry.factory.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * Every role against every endpoint of "Accounts and tokens" and "Population registry", for a
 * record of the caller's own regency or family and of another one. 404, never 403, for a record
 * that is not yours: the answer must not tell whether it exists.
 */
type Caller =
  'anonymous' | 'residentOwn' | 'residentOther' | 'clerkOki' | 'officialOki' | 'adminOki' | 'clerkPalembang';

const CALLERS: Caller[] = [
  'anonymous',
  'residentOwn',
  'residentOther',
  'clerkOki',
  'officialOki',
  'adminOki',
  'clerkPalembang',
];

describe('identity permissions: every role, every endpoint', () => {
  let stack: Stack;
  const tokens = new Map<Caller, string>();
  // "Own" family and person are in OKI (16.02); the other family in Palembang (16.71).
  const okiFamily = syntheticFamilyWith({ regencyCode: '16.02', members: 3, seed: 31 });
  const otherFamily = syntheticFamilyWith({ regencyCode: '16.71', members: 2, seed: 32 });
  const okiPerson = okiFamily.members[1];
  const otherPerson = otherFamily.members[0];

  beforeAll(async () => {
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    const admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await importCsv(stack.url, admin, residentsCsv([okiFamily, otherFamily]))).status).toBe(200);
    for (const [resident, family, caller] of [
      [okiFamily.members[0], okiFamily, 'residentOwn'],
      [otherFamily.members[0], otherFamily, 'residentOther'],
    ] as const) {
      await registerResident(stack.url, {
        nik: resident.nik,
        familyCardNumber: family.familyCardNumber,
        birthDate: resident.birthDate,
      });
      tokens.set(caller, await login(stack.url, resident.nik, RESIDENT_PASSWORD));
    }
    for (const [caller, role, regencyCode] of [
      ['clerkOki', 'CLERK', '16.02'],
      ['officialOki', 'OFFICIAL', '16.02'],
      ['adminOki', 'ADMIN', '16.02'],
      ['clerkPalembang', 'CLERK', '16.71'],
    ] as const) {
      await createStaff(stack.url, admin, { username: caller.toLowerCase(), role, regencyCode });
      tokens.set(caller, await login(stack.url, caller.toLowerCase(), STAFF_PASSWORD));
    }
  });

  afterAll(async () => {
    await stack?.close();
  });

  function call(method: 'get' | 'post', path: string, caller: Caller, body?: object, contentType?: string) {
    let test = request(stack.url)[method](`/api/v1${path}`);
    const token = tokens.get(caller);
    if (token !== undefined) test = test.set('authorization', `Bearer ${token}`);
    if (contentType !== undefined) test = test.set('content-type', contentType);
    return body === undefined ? test : test.send(body);
  }

  const matrix: Array<{
    name: string;
    run: (caller: Caller) => ReturnType<typeof call>;
    expected: Record<Caller, number>;
  }> = [
    {
      name: 'GET /residents/{nik} of OKI',
      run: (caller) => call('get', `/residents/${okiPerson.nik}`, caller),
      expected: {
        anonymous: 401,
        residentOwn: 403,
        residentOther: 403,
        clerkOki: 200,
        officialOki: 200,
        adminOki: 200,
        clerkPalembang: 404,
      },
    },
    {
      name: 'GET /residents/{nik} of Palembang',
      run: (caller) => call('get', `/residents/${otherPerson.nik}`, caller),
      expected: {
        anonymous: 401,
        residentOwn: 403,
        residentOther: 403,
        clerkOki: 404,
        officialOki: 404,
        adminOki: 404,
        clerkPalembang: 200,
      },
    },
    {
      name: 'GET /families/{kk} of OKI',
      run: (caller) => call('get', `/families/${okiFamily.familyCardNumber}`, caller),
      expected: {
        anonymous: 401,
        residentOwn: 200,
        residentOther: 404,
        clerkOki: 200,
        officialOki: 200,
        adminOki: 200,
        clerkPalembang: 404,
      },
    },
    {
      name: 'GET /families/{kk} of Palembang',
      run: (caller) => call('get', `/families/${otherFamily.familyCardNumber}`, caller),
      expected: {
        anonymous: 401,
        residentOwn: 404,
        residentOther: 200,
        clerkOki: 404,
        officialOki: 404,
        adminOki: 404,
        clerkPalembang: 200,
      },
    },
    {
      name: 'GET /me',
      run: (caller) => call('get', '/me', caller),
      expected: {
        anonymous: 401,
        residentOwn: 200,
        residentOther: 200,
        clerkOki: 200,
        officialOki: 200,
        adminOki: 200,
        clerkPalembang: 200,
      },
    },
    {
      name: 'GET /me/family',
      run: (caller) => call('get', '/me/family', caller),
      expected: {
        anonymous: 401,
        residentOwn: 200,
        residentOther: 200,
        clerkOki: 403,
        officialOki: 403,
        adminOki: 403,
        clerkPalembang: 403,
      },
    },
    {
      name: 'GET /me/access-log',
      run: (caller) => call('get', '/me/access-log', caller),
      expected: {
        anonymous: 401,
        residentOwn: 200,
        residentOther: 200,
        clerkOki: 403,
        officialOki: 403,
        adminOki: 403,
        clerkPalembang: 403,
      },
    },
    {
      name: 'POST /admin/staff',
      run: (caller) =>
        call('post', '/admin/staff', caller, {
          username: `new.${caller.toLowerCase()}`,
          password: STAFF_PASSWORD,
          fullName: 'PETUGAS BARU',
          nip: syntheticNip(),
          role: 'CLERK',
          regencyCode: '16.02',
        }),
      expected: {
        anonymous: 401,
        residentOwn: 403,
        residentOther: 403,
        clerkOki: 403,
        officialOki: 403,
        adminOki: 201,
        clerkPalembang: 403,
      },
    },
    {
      name: 'POST /admin/residents/import',
      run: (caller) =>
        call('post', '/admin/residents/import', caller, undefined, 'text/csv').send(residentsCsv([okiFamily])),
      expected: {
        anonymous: 401,
        residentOwn: 403,
        residentOther: 403,
        clerkOki: 403,
        officialOki: 403,
        adminOki: 200,
        clerkPalembang: 403,
      },
    },
  ];

  for (const row of matrix) {
    it(`${row.name}: ${CALLERS.map((c) => `${c} ${row.expected[c]}`).join(', ')}`, async () => {
      const actual: Record<string, number> = {};
      for (const caller of CALLERS) actual[caller] = (await row.run(caller)).status;
      expect(actual).toEqual(row.expected);
    });
  }

  it('never tells "not yours" from "does not exist"', async () => {
    const notYours = await call('get', `/families/${otherFamily.familyCardNumber}`, 'residentOwn');
    const missing = await call('get', '/families/1602050101150999', 'residentOwn');
    expect([notYours.status, missing.status]).toEqual([404, 404]);
    expect(notYours.body.detail).toBe(missing.body.detail);
  });

  it('POST /auth/register and /auth/login are open to anyone', async () => {
    const other = okiFamily.members[2];
    const registered = await registerResident(stack.url, {
      nik: other.nik,
      familyCardNumber: okiFamily.familyCardNumber,
      birthDate: other.birthDate,
    });
    expect(registered.status).toBe(201);
    await request(stack.url)
      .post('/api/v1/auth/login')
      .send({ username: other.nik, password: RESIDENT_PASSWORD })
      .expect(200);
  });
});
