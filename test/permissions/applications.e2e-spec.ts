import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  APPLICATIONS_TEST_ENV,
  as,
  buildApplicationsWorld,
  familyCardReplacementBody,
  type ApplicationsWorld,
} from '../factories/applications.factory.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * Every role × every step × own/other regency and family. The application is the father's
 * (regency 16.02); the mother is in the same family but did not apply; the stranger lives in
 * the same regency; the other resident, clerk and official belong to regency 16.01.
 */
type Who = keyof ApplicationsWorld['tokens'];
type Step = 'get' | 'cancel' | 'resubmit' | 'verify' | 'return' | 'reject' | 'approve' | 'attach';

/** A PNG judged by its header: the signature and an IHDR declaring 1 × 1 pixels. */
const PNG = (() => {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(1, 8);
  ihdr.writeUInt32BE(1, 12);
  ihdr.writeUInt8(8, 16); // bit depth
  ihdr.writeUInt8(6, 17); // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(16)]);
})();

/** The status an application must be in for the step to be allowed at all. */
const READY: Record<Step, 'SUBMITTED' | 'VERIFIED' | 'REVISION_REQUESTED'> = {
  get: 'SUBMITTED',
  cancel: 'SUBMITTED',
  resubmit: 'REVISION_REQUESTED',
  verify: 'SUBMITTED',
  return: 'VERIFIED',
  reject: 'VERIFIED',
  approve: 'VERIFIED',
  attach: 'SUBMITTED',
};

const OK: Record<Step, number> = {
  get: 200,
  cancel: 200,
  resubmit: 200,
  verify: 200,
  return: 200,
  reject: 200,
  approve: 202,
  attach: 201,
};

// 403: the role may never take the step; 404: it may, but not on this application.
const EXPECTED: Record<Step, Partial<Record<Who, number>>> = {
  get: {
    father: 200,
    mother: 404,
    stranger: 404,
    otherRegencyResident: 404,
    clerk: 200,
    official: 200,
    otherClerk: 404,
    otherOfficial: 404,
    admin: 403,
  },
  cancel: {
    father: 200,
    mother: 404,
    stranger: 404,
    otherRegencyResident: 404,
    clerk: 403,
    official: 403,
    otherClerk: 403,
    otherOfficial: 403,
    admin: 403,
  },
  resubmit: {
    father: 200,
    mother: 404,
    stranger: 404,
    otherRegencyResident: 404,
    clerk: 403,
    official: 403,
    otherClerk: 403,
    otherOfficial: 403,
    admin: 403,
  },
  verify: {
    father: 403,
    mother: 403,
    stranger: 403,
    otherRegencyResident: 403,
    clerk: 200,
    official: 403,
    otherClerk: 404,
    otherOfficial: 403,
    admin: 403,
  },
  return: {
    father: 403,
    mother: 403,
    stranger: 403,
    otherRegencyResident: 403,
    clerk: 200,
    official: 200,
    otherClerk: 404,
    otherOfficial: 404,
    admin: 403,
  },
  reject: {
    father: 403,
    mother: 403,
    stranger: 403,
    otherRegencyResident: 403,
    clerk: 200,
    official: 200,
    otherClerk: 404,
    otherOfficial: 404,
    admin: 403,
  },
  approve: {
    father: 403,
    mother: 403,
    stranger: 403,
    otherRegencyResident: 403,
    clerk: 403,
    official: 202,
    otherClerk: 403,
    otherOfficial: 404,
    admin: 403,
  },
  attach: {
    father: 201,
    mother: 404,
    stranger: 404,
    otherRegencyResident: 404,
    clerk: 403,
    official: 403,
    otherClerk: 403,
    otherOfficial: 403,
    admin: 403,
  },
};

describe('applications: who may do what', () => {
  let stack: Stack;
  let world: ApplicationsWorld;

  beforeAll(async () => {
    stack = await startStack({ env: APPLICATIONS_TEST_ENV });
    world = await buildApplicationsWorld(stack.url);
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  async function applicationIn(status: 'SUBMITTED' | 'VERIFIED' | 'REVISION_REQUESTED'): Promise<string> {
    const created = await as(stack.url, world.tokens.father).post('/applications', familyCardReplacementBody(world));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const clerk = as(stack.url, world.tokens.clerk);
    if (status === 'VERIFIED') await clerk.post(`/applications/${id}/verify`).expect(200);
    if (status === 'REVISION_REQUESTED')
      await clerk.post(`/applications/${id}/return`, { reason: 'Perbaiki' }).expect(200);
    return id;
  }

  function take(step: Step, who: Who, id: string) {
    const client = as(stack.url, world.tokens[who]);
    switch (step) {
      case 'get':
        return client.get(`/applications/${id}`);
      case 'cancel':
      case 'verify':
      case 'approve':
        return client.post(`/applications/${id}/${step}`);
      case 'return':
      case 'reject':
        return client.post(`/applications/${id}/${step}`, { reason: 'Data tidak sesuai' });
      case 'resubmit':
        return client.put(`/applications/${id}`, familyCardReplacementBody(world, { reason: 'RUSAK' }));
      case 'attach':
        return client
          .upload(`/applications/${id}/attachments`)
          .field('kind', 'KK_LAMA')
          .attach('file', PNG, { filename: 'kk.png' });
    }
  }

  const cells = (Object.keys(EXPECTED) as Step[]).flatMap((step) =>
    (Object.entries(EXPECTED[step]) as Array<[Who, number]>).map(([who, status]) => [step, who, status] as const),
  );

  it.each(cells)('%s by %s → %i', async (step, who, expected) => {
    const id = await applicationIn(READY[step]);
    const response = await take(step, who, id);
    expect({ status: response.status, code: response.body?.code }).toMatchObject({ status: expected });
    if (expected === OK[step] && step !== 'get' && step !== 'attach') {
      expect(response.body.history.at(-1).actor).toBeDefined();
    }
    if (expected === 404) expect(JSON.stringify(response.body)).not.toContain(world.father.nik);
    // A refused step changes nothing.
    if (expected !== OK[step]) {
      const after = await as(stack.url, world.tokens.father).get(`/applications/${id}`).expect(200);
      expect(after.body.status).toBe(READY[step]);
    }
  });

  it('lists: residents their own, staff their regency, others 403', async () => {
    const id = await applicationIn('SUBMITTED');
    const ids = async (who: Who) => {
      const page = await as(stack.url, world.tokens[who]).get('/applications?limit=100');
      return page.status === 200 ? (page.body.items as Array<{ id: string }>).map((a) => a.id) : page.status;
    };
    expect(await ids('father')).toContain(id);
    expect(await ids('mother')).not.toContain(id);
    expect(await ids('clerk')).toContain(id);
    expect(await ids('official')).toContain(id);
    expect(await ids('otherClerk')).not.toContain(id);
    expect(await ids('admin')).toBe(403);
  });

  it('answers a step not allowed now with 409 and what this caller may do instead', async () => {
    const submitted = await applicationIn('SUBMITTED');
    const early = await as(stack.url, world.tokens.official).post(`/applications/${submitted}/approve`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'APPLICATION.INVALID_TRANSITION', allowedActions: ['return', 'reject'] });

    const verified = await applicationIn('VERIFIED');
    const twice = await as(stack.url, world.tokens.clerk2).post(`/applications/${verified}/verify`);
    expect(twice.status).toBe(409);
    expect(twice.body.allowedActions).toEqual(['return', 'reject']);
    const late = await as(stack.url, world.tokens.father).post(`/applications/${verified}/cancel`);
    expect(late.status).toBe(409);
    expect(late.body.allowedActions).toEqual([]);
    const attach = await take('attach', 'father', verified);
    expect(attach.status).toBe(409);
  });

  it('lets only one of two officials approving at once succeed', async () => {
    const id = await applicationIn('VERIFIED');
    const [a, b] = await Promise.all([
      as(stack.url, world.tokens.official).post(`/applications/${id}/approve`),
      as(stack.url, world.tokens.official2).post(`/applications/${id}/approve`),
    ]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const view = await as(stack.url, world.tokens.father).get(`/applications/${id}`).expect(200);
    expect(view.body.history.filter((h: { to: string }) => h.to === 'APPROVED')).toHaveLength(1);
  });

  it('refuses without a token (401)', async () => {
    const id = await applicationIn('SUBMITTED');
    const response = await as(stack.url, 'not-a-token').get(`/applications/${id}`);
    expect(response.status).toBe(401);
  });
});
