import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  APPLICATIONS_TEST_ENV,
  as,
  birthBody,
  buildApplicationsWorld,
  childrenOf,
  familyCardNewBody,
  familyCardReplacementBody,
  familyCardUpdateBody,
  REGENCY,
  type ApplicationsWorld,
} from './factories/applications.factory.js';
import { startStack, type Stack } from './support/stack.js';

describe('applications: birth registration end to end', () => {
  let stack: Stack;
  let world: ApplicationsWorld;

  beforeAll(async () => {
    stack = await startStack({ env: APPLICATIONS_TEST_ENV });
    world = await buildApplicationsWorld(stack.url);
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('is submitted by the father, verified by a clerk and approved by an official', async () => {
    const father = as(stack.url, world.tokens.father);
    const submitted = await father.post('/applications', birthBody(world));
    expect(submitted.status).toBe(201);
    const application = submitted.body;
    expect(application).toMatchObject({
      type: 'BIRTH_REGISTRATION',
      status: 'SUBMITTED',
      applicantNik: world.father.nik,
      regencyCode: REGENCY,
      attachments: [],
      documents: [],
    });
    expect(application.number).toMatch(/^1602-\d{8}-\d{5}$/);
    expect(application.details.child.birthType).toBe('TUNGGAL');
    expect(application.details.type).toBeUndefined();
    expect(application.history).toEqual([
      expect.objectContaining({ from: null, to: 'SUBMITTED', actor: expect.stringMatching(/^\d{4}\*+\d{4}$/) }),
    ]);

    const clerk = as(stack.url, world.tokens.clerk);
    const queue = await clerk.get('/applications?status=SUBMITTED&type=BIRTH_REGISTRATION').expect(200);
    expect(queue.body.total).toBeGreaterThanOrEqual(1);
    const inQueue = queue.body.items.find((item: { id: string }) => item.id === application.id);
    expect(inQueue.waitingSeconds).toBeGreaterThanOrEqual(0);
    expect(inQueue.waitingSince).toBe(application.submittedAt);

    const verified = await clerk.post(`/applications/${application.id}/verify`, { note: 'Dokumen lengkap' });
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('VERIFIED');

    const official = as(stack.url, world.tokens.official);
    const approved = await official.post(`/applications/${application.id}/approve`);
    expect({ status: approved.status, body: approved.status === 202 ? undefined : approved.body }).toEqual({
      status: 202,
    });
    expect(approved.body.status).toBe('APPROVED');
    expect(approved.body.history.map((h: { to: string }) => h.to)).toEqual(['SUBMITTED', 'VERIFIED', 'APPROVED']);
    expect(approved.body.history[1]).toMatchObject({
      actor: 'clerk.oki',
      from: 'SUBMITTED',
      internalNote: 'Dokumen lengkap',
    });
    expect(approved.body.history[1].reason).toBeUndefined();

    const again = await official.post(`/applications/${application.id}/approve`);
    expect(again.status).toBe(409);
    expect(again.body.allowedActions).toEqual([]);

    const mine = await father.get(`/applications/${application.id}`).expect(200);
    expect(mine.body.status).toBe('APPROVED');
    // The clerk's note was for the official: the applicant's view never carries it.
    expect(JSON.stringify(mine.body)).not.toContain('Dokumen lengkap');
    expect(mine.body.history[1].internalNote).toBeUndefined();
  });

  it.each([
    ['FAMILY_CARD_NEW', 'adultChild', (w: ApplicationsWorld) => familyCardNewBody(w)],
    ['FAMILY_CARD_UPDATE', 'mother', (w: ApplicationsWorld) => familyCardUpdateBody(w)],
    ['FAMILY_CARD_REPLACEMENT', 'father', (w: ApplicationsWorld) => familyCardReplacementBody(w)],
  ] as const)('takes %s from submission to approval', async (type, who, body) => {
    const resident = as(stack.url, world.tokens[who]);
    const submitted = await resident.post('/applications', body(world));
    expect({ status: submitted.status, errors: submitted.body.errors }).toEqual({ status: 201, errors: undefined });
    expect(submitted.body).toMatchObject({ type, status: 'SUBMITTED', regencyCode: REGENCY });
    const id = submitted.body.id as string;
    await as(stack.url, world.tokens.clerk).post(`/applications/${id}/verify`).expect(200);
    const approved = await as(stack.url, world.tokens.official).post(`/applications/${id}/approve`);
    expect({ status: approved.status, code: approved.body.code }).toEqual({ status: 202, code: undefined });
    expect(approved.body.status).toBe('APPROVED');
  });

  it('stores labels of the official lists in their canonical spelling', async () => {
    const response = await as(stack.url, world.tokens.mother).post('/applications', familyCardUpdateBody(world));
    expect(response.status).toBe(201);
    expect(response.body.details.memberChanges[0]).toMatchObject({
      occupation: 'WIRASWASTA',
      education: 'SLTA/SEDERAJAT',
    });
  });

  it('lists every malformed field at once (400), and refuses unknown fields and types', async () => {
    const father = as(stack.url, world.tokens.father);
    const bad = await father.post(
      '/applications',
      birthBody(world, {
        fatherNik: '1602-0512-0190-0001',
        child: { sex: 'X', birthDate: '2999-01-01', birthOrder: 0 },
      }),
    );
    expect(bad.status).toBe(400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['fatherNik', 'child.sex', 'child.birthDate', 'child.birthOrder']));

    const unknown = await father.post('/applications', { ...birthBody(world), favouriteColour: 'biru' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toContainEqual(expect.objectContaining({ field: 'favouriteColour' }));

    const noType = await father.post('/applications', { familyCardNumber: world.birthFamily.familyCardNumber });
    expect(noType.status).toBe(400);
    expect(noType.body.errors).toEqual([expect.objectContaining({ field: 'type' })]);
  });

  it('names each broken registry rule (422)', async () => {
    const father = as(stack.url, world.tokens.father);
    const strangerMother = world.strangerFamily.members.find((m) => m.relationship === 'ISTRI');
    const response = await father.post(
      '/applications',
      birthBody(world, { motherNik: strangerMother?.nik, child: { birthOrder: 9 } }),
    );
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('APPLICATION.RULE_VIOLATION');
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'motherNik' }));
    expect(JSON.stringify(response.body)).not.toContain(strangerMother?.nik);

    const order = await father.post('/applications', birthBody(world, { child: { birthOrder: 9 } }));
    expect(order.status).toBe(422);
    expect(order.body.errors).toEqual([expect.objectContaining({ field: 'child.birthOrder' })]);

    const sibling = childrenOf(world.birthFamily, world.mother)[0];
    const duplicate = await father.post(
      '/applications',
      birthBody(world, { child: { fullName: sibling.fullName, birthDate: sibling.birthDate, birthOrder: 1 } }),
    );
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors).toContainEqual(expect.objectContaining({ field: 'child.fullName' }));

    const notMember = await as(stack.url, world.tokens.stranger).post(
      '/applications',
      familyCardReplacementBody(world),
    );
    expect(notMember.status).toBe(422);
    expect(notMember.body.errors).toEqual([expect.objectContaining({ field: 'familyCardNumber' })]);

    const outside = await as(stack.url, world.tokens.father).post(
      '/applications',
      familyCardUpdateBody(world, { villageCode: world.otherRegencyFamily.villageCode, memberChanges: undefined }),
    );
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toContainEqual(expect.objectContaining({ field: 'villageCode' }));
  });

  it('flags a second report of the same birth while the first is open', async () => {
    const father = as(stack.url, world.tokens.father);
    const body = birthBody(world);
    const first = await father.post('/applications', body);
    expect({ status: first.status, errors: first.body.errors }).toEqual({ status: 201, errors: undefined });
    const again = await as(stack.url, world.tokens.mother).post('/applications', body);
    expect(again.status).toBe(422);
    expect(again.body.errors).toContainEqual(expect.objectContaining({ field: 'child.fullName' }));
  });

  it('goes back to the resident for correction and comes back SUBMITTED; cancelling ends it', async () => {
    const father = as(stack.url, world.tokens.father);
    const clerk = as(stack.url, world.tokens.clerk);
    const created = await father.post('/applications', familyCardReplacementBody(world)).expect(201);
    const id = created.body.id as string;

    const early = await father.put(`/applications/${id}`, familyCardReplacementBody(world, { reason: 'RUSAK' }));
    expect(early.status).toBe(409);
    expect(early.body.allowedActions).toEqual(['cancel']);

    const returned = await clerk.post(`/applications/${id}/return`, {
      reason: 'Lampirkan surat kehilangan dari kepolisian',
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('REVISION_REQUESTED');
    expect(returned.body.history.at(-1)).toMatchObject({ reason: 'Lampirkan surat kehilangan dari kepolisian' });

    const otherType = await father.put(`/applications/${id}`, familyCardUpdateBody(world));
    expect(otherType.status).toBe(400);

    const corrected = await father.put(`/applications/${id}`, familyCardReplacementBody(world, { reason: 'RUSAK' }));
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ status: 'SUBMITTED', details: { reason: 'RUSAK' } });
    expect(corrected.body.number).toBe(created.body.number);

    const cancelled = await father.post(`/applications/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    expect(cancelled.body.history.map((h: { to: string }) => h.to)).toEqual([
      'SUBMITTED',
      'REVISION_REQUESTED',
      'SUBMITTED',
      'CANCELLED',
    ]);
    const rejectLate = await clerk.post(`/applications/${id}/reject`, { reason: 'x' });
    expect(rejectLate.status).toBe(409);
  });

  it('gives out distinct numbers under concurrent submissions', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        as(stack.url, world.tokens.father).post('/applications', familyCardReplacementBody(world)),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
    const numbers = responses.map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(8);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const father = as(stack.url, world.tokens.father);
    expect((await father.get('/applications/not-a-uuid')).status).toBe(400);
    expect((await father.get('/applications/6f1d1f55-8a53-4c39-9e0e-4a8a5b6f7c11')).status).toBe(404);
  });

  describe('evidence attachments', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(700 * 1024, 7), Buffer.from('\n%%EOF\n')]);
    let id: string;

    beforeAll(async () => {
      const created = await as(stack.url, world.tokens.father).post('/applications', familyCardReplacementBody(world));
      id = created.body.id as string;
    });

    it('stores a PDF judged by content and gives it back byte for byte to the owner and the staff', async () => {
      const uploaded = await as(stack.url, world.tokens.father)
        .upload(`/applications/${id}/attachments`)
        .field('kind', 'SURAT_KEHILANGAN')
        .attach('file', pdf, { filename: 'surat.bin', contentType: 'application/octet-stream' });
      expect({ status: uploaded.status, body: uploaded.body }).toMatchObject({
        status: 201,
        body: {
          kind: 'SURAT_KEHILANGAN',
          fileName: 'surat.bin',
          contentType: 'application/pdf',
          size: pdf.length,
          sha256: createHash('sha256').update(pdf).digest('hex'),
        },
      });
      const attachmentId = uploaded.body.id as string;
      for (const token of [world.tokens.father, world.tokens.clerk]) {
        const download = await as(stack.url, token)
          .get(`/applications/${id}/attachments/${attachmentId}`)
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          });
        expect(download.status).toBe(200);
        expect(download.headers['content-type']).toBe('application/pdf');
        expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
      }
      const view = await as(stack.url, world.tokens.clerk).get(`/applications/${id}`).expect(200);
      expect(view.body.attachments).toEqual([
        {
          id: attachmentId,
          kind: 'SURAT_KEHILANGAN',
          fileName: 'surat.bin',
          contentType: 'application/pdf',
          size: pdf.length,
        },
      ]);
      const other = await as(stack.url, world.tokens.otherClerk).get(`/applications/${id}/attachments/${attachmentId}`);
      expect(other.status).toBe(404);
      const stranger = await as(stack.url, world.tokens.stranger).get(
        `/applications/${id}/attachments/${attachmentId}`,
      );
      expect(stranger.status).toBe(404);
    });

    it('refuses other types (415), files over 5 MB (413) and uploads by others (404)', async () => {
      const father = as(stack.url, world.tokens.father);
      const gif = await father
        .upload(`/applications/${id}/attachments`)
        .field('kind', 'LAINNYA')
        .attach('file', Buffer.from('GIF89a....'), { filename: 'foto.pdf', contentType: 'application/pdf' });
      expect(gif.status).toBe(415);
      const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5 * 1024 * 1024, 1)]);
      const tooLarge = await father
        .upload(`/applications/${id}/attachments`)
        .field('kind', 'LAINNYA')
        .attach('file', big, { filename: 'foto.jpg' });
      expect(tooLarge.status).toBe(413);
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
      const notOwner = await as(stack.url, world.tokens.mother)
        .upload(`/applications/${id}/attachments`)
        .field('kind', 'LAINNYA')
        .attach('file', png, { filename: 'a.png' });
      expect(notOwner.status).toBe(404);
      const badKind = await father
        .upload(`/applications/${id}/attachments`)
        .field('kind', 'FOTO')
        .attach('file', png, { filename: 'a.png' });
      expect(badKind.status).toBe(400);
      const ok = await father
        .upload(`/applications/${id}/attachments`)
        .field('kind', 'KK_LAMA')
        .attach('file', png, { filename: 'kk.png' });
      expect(ok.status).toBe(201);
      expect(ok.body.contentType).toBe('image/png');
    });
  });
});
