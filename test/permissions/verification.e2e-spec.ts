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
} from '../factories/accounts.factory.js';
import { agencyToken, createAgency, verification } from '../factories/agencies.factory.js';
import { residentsCsv, syntheticFamilyWith } from '../factories/registry.factory.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * Every role against every endpoint of "Verification for agencies" and the agency endpoints of
 * "Accounts and tokens": only agencies verify, only an ADMIN manages agencies, and an agency can
 * do nothing else with its token (it never browses the registry).
 */
type Caller = 'anonymous' | 'resident' | 'clerk' | 'official' | 'admin' | 'agency';
const CALLERS: Caller[] = ['anonymous', 'resident', 'clerk', 'official', 'admin', 'agency'];

describe('verification permissions: every role, every endpoint', () => {
  let stack: Stack;
  const tokens = new Map<Caller, string>();
  const family = syntheticFamilyWith({ regencyCode: '16.02', members: 2, seed: 91 });
  const person = family.members[0];
  let agencyId: string;

  beforeAll(async () => {
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    const admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    tokens.set('admin', admin);
    expect((await importCsv(stack.url, admin, residentsCsv([family]))).status).toBe(200);
    await registerResident(stack.url, {
      nik: person.nik,
      familyCardNumber: family.familyCardNumber,
      birthDate: person.birthDate,
    });
    tokens.set('resident', await login(stack.url, person.nik, RESIDENT_PASSWORD));
    for (const [caller, role] of [
      ['clerk', 'CLERK'],
      ['official', 'OFFICIAL'],
    ] as const) {
      await createStaff(stack.url, admin, { username: `${caller}.verif`, role, regencyCode: '16.02' });
      tokens.set(caller, await login(stack.url, `${caller}.verif`, STAFF_PASSWORD));
    }
    const agency = await createAgency(stack.url, admin);
    agencyId = agency.id;
    tokens.set('agency', await agencyToken(stack.url, agency));
  });

  afterAll(async () => {
    await stack?.close();
  });

  function call(method: 'get' | 'post', path: string, caller: Caller, body?: object) {
    let test = request(stack.url)[method](`/api/v1${path}`);
    const token = tokens.get(caller);
    if (token !== undefined) test = test.set('authorization', `Bearer ${token}`);
    return body === undefined ? test : test.send(body);
  }

  const matrix: Array<{
    name: string;
    run: (caller: Caller) => ReturnType<typeof call>;
    expected: Record<Caller, number>;
  }> = [
    {
      name: 'POST /verifications',
      run: (caller) => call('post', '/verifications', caller, verification(person.nik, { fullName: 'X' })),
      expected: { anonymous: 401, resident: 403, clerk: 403, official: 403, admin: 403, agency: 200 },
    },
    {
      name: 'POST /verifications/batch',
      run: (caller) => call('post', '/verifications/batch', caller, { items: [verification(person.nik)] }),
      expected: { anonymous: 401, resident: 403, clerk: 403, official: 403, admin: 403, agency: 200 },
    },
    {
      name: 'POST /admin/agencies',
      run: (caller) =>
        call('post', '/admin/agencies', caller, { name: 'LEMBAGA', allowedFields: ['sex'], requestsPerMinute: 10 }),
      expected: { anonymous: 401, resident: 403, clerk: 403, official: 403, admin: 201, agency: 403 },
    },
    {
      name: 'POST /admin/agencies/{id}/resume',
      run: (caller) => call('post', `/admin/agencies/${agencyId}/resume`, caller),
      expected: { anonymous: 401, resident: 403, clerk: 403, official: 403, admin: 200, agency: 403 },
    },
    {
      name: 'GET /residents/{nik} (an agency never browses)',
      run: (caller) => call('get', `/residents/${person.nik}`, caller),
      expected: { anonymous: 401, resident: 403, clerk: 200, official: 200, admin: 200, agency: 403 },
    },
    {
      name: 'GET /families/{kk}',
      run: (caller) => call('get', `/families/${family.familyCardNumber}`, caller),
      expected: { anonymous: 401, resident: 200, clerk: 200, official: 200, admin: 200, agency: 403 },
    },
    {
      name: 'GET /me/access-log',
      run: (caller) => call('get', '/me/access-log', caller),
      expected: { anonymous: 401, resident: 200, clerk: 403, official: 403, admin: 403, agency: 403 },
    },
    {
      name: 'POST /admin/staff',
      run: (caller) =>
        call('post', '/admin/staff', caller, {
          username: `x${Math.random().toString(36).slice(2, 8)}`,
          password: STAFF_PASSWORD,
          fullName: 'X',
          nip: '198501012010011999',
          role: 'CLERK',
          regencyCode: '16.02',
        }),
      expected: { anonymous: 401, resident: 403, clerk: 403, official: 403, admin: 201, agency: 403 },
    },
  ];

  for (const row of matrix) {
    it.each(CALLERS)(`${row.name} as %s`, async (caller) => {
      const response = await row.run(caller);
      expect({ caller, status: response.status }).toEqual({ caller, status: row.expected[caller] });
    });
  }

  it('refuses a token whose signature was tampered with (401)', async () => {
    const token = tokens.get('agency') as string;
    const forged = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const response = await request(stack.url)
      .post('/api/v1/verifications')
      .set('authorization', `Bearer ${forged}`)
      .send(verification(person.nik));
    expect(response.status).toBe(401);
  });
});
