import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { agencyToken, createAgency, verification } from './factories/agencies.factory.js';
import {
  APPLICATIONS_TEST_ENV,
  type ApplicationsWorld,
  as,
  birthBody,
  buildApplicationsWorld,
  deathReportBody,
  familyCardNewBody,
  familyCardReplacementBody,
  familyCardUpdateBody,
} from './factories/applications.factory.js';
import { RESIDENT_PASSWORD, STAFF_PASSWORD } from './factories/accounts.factory.js';
import { CSV_COLUMNS } from './factories/registry.factory.js';
import { rawRequest as raw } from './support/raw-http.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * Every route of the API, sent what a hostile or broken client sends. Bodies: on every JSON body
 * route, each field of a
 * well-formed body (nested ones and list items included) replaced by a value of another type, an
 * empty or 20,000-character string, control characters, SQL or markup, an impossible date, or
 * left out; and whole bodies that are not JSON, not an object, nested 20,000 deep, poisoned, or
 * not UTF-8 (each answer also checked against docs/openapi.json by
 * test/support/openapi-contract.setup.ts: a status the document does not list fails too). Path
 * parameters, query strings and the Idempotency-Key header: on every route that takes them, as
 * a caller allowed to use it. API.md: bad input gets a clear 4xx and loses nothing; a 5xx on
 * client input is a bug.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const FIELD_VARIANTS: ReadonlyArray<readonly [string, Json]> = [
  ['null', null],
  ['zero', 0],
  ['negative', -1],
  ['fraction', 1.5],
  ['huge number', 1e308],
  ['boolean', true],
  ['empty string', ''],
  ['20,000 characters', 'A'.repeat(20_000)],
  ['control characters', 'A\u0000\u0007\u001b[31m\r\n'],
  ['SQL', "' OR 1=1; DROP TABLE person; --"],
  ['markup', '<script>alert(1)</script>'],
  ['astral and bidi', '𝔘 😀 \u202eKIRI'],
  ['impossible date', '2024-02-30'],
  ['list', ['A']],
  ['operator object', { $gt: '' }],
];

const MISSING = Symbol('missing');

/** Raw bodies sent as application/json. */
const WHOLE_BODIES: ReadonlyArray<readonly [string, string | Buffer]> = [
  ['empty', ''],
  ['JSON null', 'null'],
  ['a list', '[]'],
  ['a string', '"teks"'],
  ['a number', '42'],
  ['cut off', '{"a":'],
  ['trailing comma', '{"a":1,}'],
  ['nested 20,000 deep', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
  ['nested objects 5,000 deep', `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`],
  ['__proto__', '{"__proto__":{"isAdmin":true}}'],
  ['constructor.prototype', '{"constructor":{"prototype":{"isAdmin":true}}}'],
  ['not UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
];

interface Route {
  method: 'post' | 'put';
  path: string;
  token?: string;
  body: Record<string, Json>;
}

interface Answer {
  route: string;
  what: string;
  status: number | string;
}

/** Every way `body` is changed: each node (not the root) replaced by each variant or left out. */
function* mutations(body: Json, where = ''): Generator<[string, (root: Json) => Json]> {
  if (body === null || typeof body !== 'object') return;
  const keys: Array<string | number> = Array.isArray(body) ? (body.length > 0 ? [0] : []) : Object.keys(body);
  for (const key of keys) {
    const here = `${where}${typeof key === 'number' ? `[${key}]` : `${where ? '.' : ''}${key}`}`;
    const child = (body as Record<string | number, Json>)[key];
    for (const [name, value] of [...FIELD_VARIANTS, ['missing', MISSING] as const]) {
      yield [`${here}: ${name}`, (node) => replaced(node, here, value)];
    }
    yield* mutations(child, here);
  }
}

/** A deep copy of `root` with the node at `path` (as mutations writes it) replaced or removed. */
function replaced(root: Json, path: string, value: Json | typeof MISSING): Json {
  const copy = structuredClone(root);
  const steps = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let node = copy as Record<string | number, Json>;
  steps.forEach((step, i) => {
    const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step;
    if (i < steps.length - 1) {
      node = node[key] as Record<string | number, Json>;
    } else if (value === MISSING) {
      if (Array.isArray(node)) node.splice(key as number, 1);
      else delete node[key];
    } else {
      node[key] = value;
    }
  });
  return copy;
}

/** Runs `tasks` with at most `width` at once. */
async function inParallel(tasks: Array<() => Promise<void>>, width: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) await tasks[next++]();
    }),
  );
}

const CSV_HEADER = CSV_COLUMNS.join(',');

/** Path segments, already as they go on the wire. */
const NASTY_SEGMENTS = [
  '%00',
  'x'.repeat(5_000),
  '-1',
  '0',
  '99999999999999999999',
  '1602%00',
  "'%20OR%201=1--",
  '%E2%80%AE',
  '%2e%2e',
  'null',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-00000000000g',
  randomUUID(),
  '%F0%9F%98%80',
  '%ED%A0%80',
  '%C0%AF',
];

/** Query values, already as they go on the wire. */
const NASTY_QUERY_VALUES = [
  '',
  '%00',
  '-1',
  '1.5',
  '1e308',
  '99999999999999999999',
  'abc',
  '%20',
  'x'.repeat(5_000),
  '%ED%A0%80',
  '%5B%5D',
];

describe('hostile input on every route', () => {
  let stack: Stack;
  let world: ApplicationsWorld;
  let routes: Route[];
  let applicationId: string;
  let agencyBearer: string;

  beforeAll(async () => {
    // TRUST_PROXY: the client's own X-Forwarded-For is believed, as behind a proxy that passes it on.
    stack = await startStack({ env: { ...APPLICATIONS_TEST_ENV, TRUST_PROXY: 'true' } });
    world = await buildApplicationsWorld(stack.url);
    const { tokens } = world;
    const agency = await createAgency(stack.url, tokens.admin);
    agencyBearer = await agencyToken(stack.url, agency);
    // A real application for the routes that act on one: a replacement card, submitted.
    const submitted = await as(stack.url, tokens.father).post('/applications', familyCardReplacementBody(world));
    expect(submitted.status).toBe(201);
    applicationId = submitted.body.id as string;
    const subject = world.mother;
    const death = deathReportBody({
      familyCardNumber: world.birthFamily.familyCardNumber,
      deceasedNik: world.father.nik,
      newHeadNik: world.mother.nik,
    }) as Record<string, Json>;
    // Routes that end or change a session come last, so the others keep their callers.
    routes = [
      { method: 'post', path: '/applications', token: tokens.mother, body: birthBody(world) as Record<string, Json> },
      { method: 'post', path: '/applications', token: tokens.adultChild, body: familyCardNewBody(world) },
      { method: 'post', path: '/applications', token: tokens.mother, body: familyCardUpdateBody(world) },
      { method: 'post', path: '/applications', token: tokens.stranger, body: familyCardReplacementBody(world) },
      { method: 'post', path: '/applications', token: tokens.mother, body: death },
      {
        method: 'put',
        path: `/applications/${applicationId}`,
        token: tokens.father,
        body: familyCardReplacementBody(world, { reason: 'RUSAK' }),
      },
      {
        method: 'post',
        path: `/applications/${applicationId}/verify`,
        token: tokens.clerk,
        body: { note: 'Dokumen lengkap', message: 'Permohonan diteruskan' },
      },
      {
        method: 'post',
        path: `/applications/${applicationId}/return`,
        token: tokens.clerk,
        body: { reason: 'Foto tidak terbaca' },
      },
      {
        method: 'post',
        path: `/applications/${applicationId}/reject`,
        token: tokens.clerk,
        body: { reason: 'Bukan warga kabupaten ini' },
      },
      {
        method: 'post',
        path: '/verifications',
        token: agencyBearer,
        body: verification(subject.nik, { fullName: subject.fullName, birthDate: subject.birthDate }),
      },
      {
        method: 'post',
        path: '/verifications/batch',
        token: agencyBearer,
        body: { items: [verification(subject.nik, { fullName: subject.fullName, address: 'JL. MERDEKA' })] },
      },
      {
        method: 'post',
        path: '/admin/staff',
        token: tokens.admin,
        body: {
          username: 'petugas.uji',
          password: 'kata-sandi-uji-panjang-1',
          fullName: 'PETUGAS UJI',
          nip: '198501012010012009',
          role: 'CLERK',
          regencyCode: '16.02',
        },
      },
      {
        method: 'post',
        path: '/admin/agencies',
        token: tokens.admin,
        body: { name: 'ASURANSI UJI', allowedFields: ['fullName', 'birthDate'], requestsPerMinute: 100 },
      },
      {
        method: 'post',
        path: `/admin/documents/${randomUUID()}/revoke`,
        token: tokens.admin,
        body: { reason: 'Diterbitkan berdasarkan data yang keliru' },
      },
      {
        method: 'post',
        path: '/auth/token',
        body: { grant_type: 'client_credentials', client_id: agency.clientId, client_secret: agency.clientSecret },
      },
      {
        method: 'post',
        path: '/auth/register',
        body: {
          nik: world.strangerFamily.members[1].nik,
          familyCardNumber: world.strangerFamily.familyCardNumber,
          birthDate: world.strangerFamily.members[1].birthDate,
          password: RESIDENT_PASSWORD,
        },
      },
      { method: 'post', path: '/auth/login', body: { username: 'clerk2.oki', password: STAFF_PASSWORD } },
      { method: 'post', path: '/auth/mfa', body: { mfaToken: 'a'.repeat(64), code: '123456' } },
      { method: 'post', path: '/auth/refresh', body: { refreshToken: 'b'.repeat(64) } },
      { method: 'post', path: '/me/mfa/confirm', token: tokens.clerk2, body: { code: '123456' } },
      { method: 'post', path: '/me/mfa/recovery-codes', token: tokens.clerk2, body: { code: '123456' } },
      {
        method: 'post',
        path: '/me/password',
        token: tokens.otherRegencyResident,
        body: { currentPassword: RESIDENT_PASSWORD, newPassword: 'kata-sandi-baru-yang-panjang-9' },
      },
      { method: 'post', path: '/auth/logout', token: tokens.stranger, body: { refreshToken: 'c'.repeat(64) } },
    ];
  }, 240_000);

  afterAll(async () => {
    await stack?.close();
  });

  async function send(route: Route, body: string | Buffer | Json): Promise<number | string> {
    let test = request(stack.url)[route.method](`/api/v1${route.path}`).set('content-type', 'application/json');
    if (route.token !== undefined) test = test.set('authorization', `Bearer ${route.token}`);
    try {
      const response = await test.send(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
      return response.status;
    } catch (error) {
      // The contract check (a status or body the document does not allow) or a broken connection.
      return (error as Error).message.slice(0, 300);
    }
  }

  const failed = (answers: Answer[]): Answer[] =>
    answers.filter((answer) => typeof answer.status !== 'number' || answer.status >= 500);

  it('covers every JSON body route the document lists', () => {
    const documented = new Set<string>();
    // Read here, so the list of routes cannot drift from the document.
    const document = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (operation.requestBody?.content['application/json'] !== undefined) {
          documented.add(`${method} ${path.replace(/\{[^}]+\}/g, '{}')}`);
        }
      }
    }
    const swept = new Set(
      routes.map(
        (route) =>
          `${route.method} /api/v1${route.path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{}')}`,
      ),
    );
    expect([...documented].filter((route) => !swept.has(route))).toEqual([]);
  });

  it('answers every changed field with a 4xx or a success, never a 5xx', async () => {
    const answers: Answer[] = [];
    for (const route of routes) {
      const tasks = [...mutations(route.body)].map(([what, change]) => async () => {
        answers.push({ route: `${route.method} ${route.path}`, what, status: await send(route, change(route.body)) });
      });
      await inParallel(tasks, 4);
    }
    expect(answers.length).toBeGreaterThan(1_000);
    expect(failed(answers)).toEqual([]);
  }, 600_000);

  it('answers bodies that are not a JSON object with a 400', async () => {
    const answers: Answer[] = [];
    for (const route of routes) {
      for (const [what, body] of WHOLE_BODIES) {
        answers.push({ route: `${route.method} ${route.path}`, what, status: await send(route, body) });
      }
    }
    expect(failed(answers)).toEqual([]);
    // Not JSON, or not an object: refused before any route looks at it.
    expect(answers.filter((answer) => answer.status !== 400 && answer.status !== 401)).toEqual([]);
  }, 300_000);
  it('answers nasty path parameters, query strings and Idempotency-Keys with a 4xx or a success', async () => {
    const { tokens } = world;
    const id = applicationId;
    // [method, path with {} for the parameter, caller, body]
    const parameterised: Array<[string, string, string | undefined, object?]> = [
      ['DELETE', '/me/sessions/{}', tokens.stranger],
      ['POST', '/admin/staff/{}/disable', tokens.admin],
      ['POST', '/admin/staff/{}/enable', tokens.admin],
      ['POST', '/admin/staff/{}/reset-password', tokens.admin],
      ['POST', '/admin/staff/{}/reset-mfa', tokens.admin],
      ['GET', '/residents/{}', tokens.clerk],
      ['GET', '/families/{}', tokens.clerk],
      ['GET', '/families/{}', tokens.father],
      ['GET', '/documents/{}', tokens.father],
      ['GET', '/documents/{}/pdf', tokens.father],
      ['POST', '/admin/documents/{}/revoke', tokens.admin, { reason: 'Diterbitkan berdasarkan data yang keliru' }],
      ['GET', '/public/documents/{}', undefined],
      ['GET', '/applications/{}', tokens.father],
      ['GET', '/applications/{}', tokens.clerk],
      ['PUT', '/applications/{}', tokens.father, familyCardReplacementBody(world)],
      ['POST', '/applications/{}/cancel', tokens.stranger],
      ['POST', '/applications/{}/verify', tokens.clerk, {}],
      ['POST', '/applications/{}/return', tokens.clerk, { reason: 'Foto tidak terbaca' }],
      ['POST', '/applications/{}/reject', tokens.clerk, { reason: 'Bukan warga kabupaten ini' }],
      ['POST', '/applications/{}/approve', tokens.official],
      ['GET', `/applications/${id}/attachments/{}`, tokens.father],
      ['GET', '/applications/{}/attachments/' + randomUUID(), tokens.father],
      ['POST', '/admin/agencies/{}/suspend', tokens.admin],
      ['POST', '/admin/agencies/{}/resume', tokens.admin],
      ['GET', '/regions/{}/children', undefined],
    ];
    // [path, caller, query parameters]
    const queried: Array<[string, string, string[]]> = [
      ['/me/sessions', tokens.father, ['limit', 'offset']],
      ['/admin/staff', tokens.admin, ['limit', 'offset']],
      ['/me/access-log', tokens.mother, ['limit', 'offset']],
      ['/applications', tokens.father, ['status', 'type', 'limit', 'offset', 'q']],
      ['/applications', tokens.clerk, ['status', 'type', 'limit', 'offset', 'q']],
      ['/admin/agencies', tokens.admin, ['limit', 'offset']],
    ];
    const answers: Answer[] = [];
    const tasks: Array<() => Promise<void>> = [];
    const call = (method: string, path: string, token: string | undefined, body?: object, extra = {}) => {
      tasks.push(async () => {
        const headers: Record<string, string> = { ...extra };
        if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
        if (body !== undefined) headers['content-type'] = 'application/json';
        const response = await raw(stack.url, method, `/api/v1${path}`, headers, body && JSON.stringify(body));
        // Every refusal is a problem body with its stable code (API.md "Errors").
        const coded = response.status < 400 || /"code":"[A-Z_.]+"/.test(response.body);
        answers.push({
          route: `${method} ${path.slice(0, 120)}`,
          what: '',
          status: coded ? response.status : 'no code',
        });
      });
    };
    for (const [method, template, token, body] of parameterised) {
      for (const segment of NASTY_SEGMENTS) call(method, template.replace('{}', segment), token, body);
    }
    for (const [path, token, names] of queried) {
      for (const name of names) {
        for (const value of NASTY_QUERY_VALUES) call('GET', `${path}?${name}=${value}`, token);
        call('GET', `${path}?${name}=1&${name}=2`, token);
        call('GET', `${path}?${name}[a]=1`, token);
      }
      call('GET', `${path}?__proto__[x]=1&constructor[prototype][x]=1`, token);
    }
    for (const key of ['', ' ', 'x'.repeat(5_000), 'a\tb', '\u00e4', '%00']) {
      call('POST', '/applications', tokens.stranger, familyCardReplacementBody(world), { 'idempotency-key': key });
      call(
        'POST',
        '/verifications/batch',
        agencyBearer,
        { items: [verification(world.mother.nik)] },
        { 'idempotency-key': key },
      );
    }
    await inParallel(tasks, 4);
    expect(answers.length).toBeGreaterThan(600);
    expect(failed(answers)).toEqual([]);
  }, 300_000);
  it('answers broken CSV imports, uploads and Authorization headers with a 4xx or a success', async () => {
    const { tokens } = world;
    const answers: Answer[] = [];
    const record = async (what: string, route: string, sent: Promise<{ status: number; body: string }>) => {
      const response = await sent;
      const coded = response.status < 400 || /"code":"[A-Z_.]+"/.test(response.body);
      answers.push({ route, what, status: coded ? response.status : `no code (${response.status})` });
    };
    const header = CSV_HEADER;
    const csvs: Array<[string, string | Buffer, string?]> = [
      ['empty', ''],
      ['header only', `${header}\n`],
      ['U+0000 in a row', `${header}\n1602${'\u0000'.repeat(12)},X\n`],
      ['not UTF-8', Buffer.concat([Buffer.from(`${header}\n`), Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0x0a])])],
      ['an open quote', `${header}\n"1602010101010001,SITI\n`],
      ['a line of 200,000 characters', `${header}\n${'A'.repeat(200_000)}\n`],
      ['5,000 columns', `${header}\n${Array.from({ length: 5_000 }, (_, i) => i).join(',')}\n`],
      ['a byte-order mark', `\ufeff${header}\n`],
      ['carriage returns only', `${header}\r1602010101010001\r`],
      ['a formula', `${header}\n=HYPERLINK("http://example.test"),@SUM(1)\n`],
      ['another header', 'a,b,c\n1,2,3\n'],
      ['a duplicated column', `${header},nik\n`],
      ['Latin-1 declared', `${header}\n`, 'text/csv; charset=latin1'],
      ['UTF-16 declared', `${header}\n`, 'text/csv; charset=utf-16'],
    ];
    for (const [what, csv, type] of csvs) {
      await record(
        what,
        'POST /admin/residents/import',
        raw(
          stack.url,
          'POST',
          '/api/v1/admin/residents/import',
          { authorization: `Bearer ${tokens.admin}`, 'content-type': type ?? 'text/csv' },
          csv,
        ),
      );
    }

    // Uploads: multipart bodies written by hand, as a broken or hostile client sends them.
    const boundary = 'batas-uji-123';
    const part = (headers: string, content: string | Buffer): Buffer =>
      Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(content), Buffer.from('\r\n')]);
    const kind = part('Content-Disposition: form-data; name="kind"', 'SURAT_KEHILANGAN');
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
    const file = (filename: string, type = 'application/pdf', content: Buffer = pdf) =>
      part(`Content-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}`, content);
    const end = Buffer.from(`--${boundary}--\r\n`);
    const uploads: Array<[string, Buffer, string?]> = [
      ['empty body', Buffer.alloc(0)],
      ['no closing boundary', Buffer.concat([kind, file('a.pdf')])],
      ['kind missing', Buffer.concat([file('a.pdf'), end])],
      [
        'kind unknown',
        Buffer.concat([part('Content-Disposition: form-data; name="kind"', 'RAHASIA'), file('a.pdf'), end]),
      ],
      [
        'kind with U+0000',
        Buffer.concat([part('Content-Disposition: form-data; name="kind"', 'A\u0000'), file('a.pdf'), end]),
      ],
      ['file missing', Buffer.concat([kind, end])],
      ['two files', Buffer.concat([kind, file('a.pdf'), file('b.pdf'), end])],
      ['a file name with U+0000', Buffer.concat([kind, file('a\u0000.pdf'), end])],
      ['a file name climbing out', Buffer.concat([kind, file('../../../etc/passwd'), end])],
      ['a file name of 5,000 characters', Buffer.concat([kind, file(`${'a'.repeat(5_000)}.pdf`), end])],
      ['an empty file', Buffer.concat([kind, file('a.pdf', 'application/pdf', Buffer.alloc(0)), end])],
      [
        'HTML said to be a PDF',
        Buffer.concat([kind, file('a.pdf', 'application/pdf', Buffer.from('<html><script>x</script>')), end]),
      ],
      ['a part without a name', Buffer.concat([kind, part('Content-Disposition: form-data', 'x'), end])],
      [
        'an unknown field',
        Buffer.concat([kind, part('Content-Disposition: form-data; name="admin"', '1'), file('a.pdf'), end]),
      ],
      ['no boundary in the content type', Buffer.concat([kind, file('a.pdf'), end]), 'multipart/form-data'],
      ['another boundary', Buffer.concat([kind, file('a.pdf'), end]), 'multipart/form-data; boundary=lain'],
      [
        'JSON said to be multipart',
        Buffer.from('{"kind":"SURAT_KEHILANGAN"}'),
        `multipart/form-data; boundary=${boundary}`,
      ],
    ];
    for (const [what, body, type] of uploads) {
      await record(
        what,
        'POST /applications/{id}/attachments',
        raw(
          stack.url,
          'POST',
          `/api/v1/applications/${applicationId}/attachments`,
          {
            authorization: `Bearer ${tokens.father}`,
            'content-type': type ?? `multipart/form-data; boundary=${boundary}`,
            'content-length': String(body.length),
          },
          body,
        ),
      );
    }

    // Authorization headers that are not a valid bearer token, on routes of each kind of caller.
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: randomUUID(), role: 'ADMIN', exp: 4_102_444_800 }),
    ).toString('base64url')}.`;
    const authorizations = [
      'Bearer',
      'Bearer ',
      `Bearer ${'x'.repeat(10_000)}`,
      'Basic Zm9vOmJhcg==',
      'Bearer a.b.c',
      `Bearer ${unsigned}`,
      `Bearer ${tokens.admin}x`,
      `Bearer ${tokens.admin.split('.').slice(0, 2).join('.')}.`,
      `Bearer ${tokens.admin} ${tokens.admin}`,
      `bearer ${tokens.father}`,
      'Bearer \u00e4\u00f6',
    ];
    for (const authorization of authorizations) {
      for (const [method, path] of [
        ['GET', '/api/v1/me'],
        ['GET', '/api/v1/applications'],
        ['GET', '/api/v1/admin/staff'],
        ['POST', '/api/v1/verifications'],
      ]) {
        await record(
          authorization.slice(0, 40),
          `${method} ${path}`,
          raw(
            stack.url,
            method,
            path,
            { authorization, 'content-type': 'application/json' },
            method === 'POST' ? JSON.stringify(verification(world.mother.nik)) : undefined,
          ),
        );
      }
    }
    expect(failed(answers)).toEqual([]);
    // Not one of these is a valid bearer token of an administrator: none may list the staff.
    expect(answers.filter((a) => a.route === 'GET /api/v1/admin/staff' && a.status === 200)).toEqual([]);
  }, 300_000);
  it('says which field is wrong: U+0000, a bidi override, a required field sent as null, a page too far', async () => {
    const { tokens } = world;
    const nul = await as(stack.url, tokens.stranger).post(
      '/applications',
      familyCardReplacementBody(world, { reason: 'HILANG\u0000' }),
    );
    expect({ status: nul.status, code: nul.body.code, errors: nul.body.errors }).toEqual({
      status: 400,
      code: 'VALIDATION.FAILED',
      errors: [{ field: 'reason', message: 'tidak boleh memuat karakter NUL (\\u0000): ada pada karakter ke-7' }],
    });
    const query = await raw(stack.url, 'GET', '/api/v1/applications?q=%00', {
      authorization: `Bearer ${tokens.clerk}`,
    });
    expect(query.status).toBe(400);
    expect(JSON.parse(query.body)).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ field: 'q' }] });
    // A bidirectional override (U+202E), in a field that has no text rule of its own: refused too.
    const bidi = await raw(stack.url, 'GET', '/api/v1/applications?q=%E2%80%AEKIRI', {
      authorization: `Bearer ${tokens.clerk}`,
    });
    expect({ status: bidi.status, ...JSON.parse(bidi.body) }).toMatchObject({
      status: 400,
      code: 'VALIDATION.FAILED',
      errors: [
        {
          field: 'q',
          message:
            'tidak boleh memuat karakter pengubah arah teks (U+202A–U+202E, U+2066–U+2069): U+202E pada karakter ke-1',
        },
      ],
    });
    // …but not in a password, which is never shown: a wrong one is refused as any other wrong
    // password (401, or 429 once the sweep above has tripped the login throttle), not as input.
    const password = await request(stack.url)
      .post('/api/v1/auth/login')
      .send({ username: 'clerk2.oki', password: 'bukan-kata-sandinya\u202e' });
    expect([401, 429]).toContain(password.status);
    expect(password.body.code).not.toBe('VALIDATION.FAILED');
    const required = await as(stack.url, tokens.clerk).post(`/applications/${applicationId}/return`, { reason: null });
    expect(required.status).toBe(400);
    expect(required.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    const optional = await request(stack.url)
      .post('/api/v1/verifications')
      .set('authorization', `Bearer ${agencyBearer}`)
      .send({ ...verification(world.mother.nik), fullName: null, birthDate: world.mother.birthDate });
    expect(optional.status).toBe(200);
    expect(Object.keys(optional.body.fields)).toEqual(['birthDate']);
    const far = await as(stack.url, tokens.mother).get('/me/access-log?offset=1000001');
    expect(far.status).toBe(400);
    expect(far.body.errors.map((e: { field: string }) => e.field)).toEqual(['offset']);
  });
  it('answers junk X-Forwarded-For, User-Agent and Content-Type headers with a 4xx or a success', async () => {
    const answers: Answer[] = [];
    const junk = [
      'x'.repeat(5_000),
      'not-an-address',
      '999.999.999.999',
      '1.2.3.4, , ,',
      '::ffff:999.1.1.1',
      "' OR 1=1--",
      '\u00e4\u00f6\u00fc',
      '',
    ];
    const login = JSON.stringify({ username: 'clerk2.oki', password: 'bukan-kata-sandinya' });
    for (const value of junk) {
      for (const header of ['x-forwarded-for', 'user-agent', 'content-type', 'accept', 'accept-language']) {
        const headers: Record<string, string> = { 'content-type': 'application/json', [header]: value };
        const response = await raw(stack.url, 'POST', '/api/v1/auth/login', headers, login);
        const coded = response.status < 400 || /"code":"[A-Z_.]+"/.test(response.body);
        answers.push({
          route: `POST /auth/login ${header}`,
          what: value.slice(0, 30),
          status: coded ? response.status : 'no code',
        });
        const refresh = await raw(stack.url, 'GET', '/api/v1/me', {
          authorization: `Bearer ${world.tokens.clerk2}`,
          [header]: value,
        });
        answers.push({ route: `GET /me ${header}`, what: value.slice(0, 30), status: refresh.status });
      }
    }
    expect(failed(answers)).toEqual([]);
  }, 120_000);
});
