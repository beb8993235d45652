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

/** A PNG header (signature and IHDR) declaring this size; no pixel data needed to be judged. */
function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.writeUInt8(8, 16); // bit depth
  ihdr.writeUInt8(6, 17); // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(64)]);
}

/** A JPEG with an APP0 segment, then a baseline SOF0 declaring this size. */
function jpegDeclaring(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  sof.writeUInt16BE(Math.min(height, 65_535), 5);
  sof.writeUInt16BE(Math.min(width, 65_535), 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

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

  // Issue #13: text that reaches a document keeps to letters, digits, spaces and address punctuation.
  it('refuses markup in an address, a place of birth or of death (400 naming the field)', async () => {
    const father = as(stack.url, world.tokens.father);
    const address = await father.post(
      '/applications',
      familyCardUpdateBody(world, { address: 'JL. MAWAR <img src=x onerror=alert(1)>', memberChanges: undefined }),
    );
    expect(address.status).toBe(400);
    expect(address.body.errors).toEqual([expect.objectContaining({ field: 'address' })]);
    const place = await father.post('/applications', birthBody(world, { child: { birthPlace: 'KAYU AGUNG"; x={}' } }));
    expect(place.status).toBe(400);
    expect(place.body.errors).toEqual([expect.objectContaining({ field: 'child.birthPlace' })]);
    const ok = await father.post(
      '/applications',
      familyCardUpdateBody(world, {
        address: "JL. MA'RUF NO. 4/5 (BLOK C) #2: KEL. SUKAJADI",
        memberChanges: undefined,
      }),
    );
    expect(ok.status).toBe(201);
    await father.post(`/applications/${ok.body.id as string}/cancel`).expect(200);
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

    // The resident reads the reason: no hidden characters that show other text than is stored.
    for (const reason of ['Lampirkan surat \u202enaigalihek', 'Lampirkan\u200b surat', ' \n\t ', 'Surat\u001b[8m']) {
      const refused = await clerk.post(`/applications/${id}/return`, { reason });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    }
    const hiddenMessage = await clerk.post(`/applications/${id}/verify`, { message: 'Berkas \u2066lengkap\u2069' });
    expect(hiddenMessage.status).toBe(400);
    expect(hiddenMessage.body.errors).toEqual([expect.objectContaining({ field: 'message' })]);
    expect((await father.get(`/applications/${id}`)).body.status).toBe('SUBMITTED');

    const reason = 'Lampirkan surat kehilangan dari kepolisian:\n- asli, bukan fotokopi';
    const returned = await clerk.post(`/applications/${id}/return`, { reason });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('REVISION_REQUESTED');
    expect(returned.body.history.at(-1)).toMatchObject({ reason });

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
          // The extension of what the content is (issue #13).
          fileName: 'surat.pdf',
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
        expect(download.headers['content-disposition']).toBe(
          `attachment; filename="surat.pdf"; filename*=UTF-8''surat.pdf`,
        );
        expect(download.headers['x-content-type-options']).toBe('nosniff');
        expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
        expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
      }
      const view = await as(stack.url, world.tokens.clerk).get(`/applications/${id}`).expect(200);
      expect(view.body.attachments).toEqual([
        {
          id: attachmentId,
          kind: 'SURAT_KEHILANGAN',
          fileName: 'surat.pdf',
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
      const png = pngDeclaring(1200, 1600);
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

    // Issue #13: a polyglot keeps no HTML name, markup in a name is dropped, image bombs are refused.
    it('stores x.html holding a PDF as x.pdf, and a name with markup as plain text', async () => {
      const father = as(stack.url, world.tokens.father);
      const polyglot = Buffer.from('%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF\n');
      const html = await father
        .upload(`/applications/${id}/attachments`)
        .field('kind', 'LAINNYA')
        .attach('file', polyglot, { filename: 'x.html', contentType: 'text/html' });
      expect({ status: html.status, fileName: html.body.fileName, type: html.body.contentType }).toEqual({
        status: 201,
        fileName: 'x.pdf',
        type: 'application/pdf',
      });
      const marked = await father
        .upload(`/applications/${id}/attachments`)
        .field('kind', 'LAINNYA')
        .attach('file', pdf.subarray(0, 2048), { filename: '<img src=x onerror=alert(1)>surat resmi;\u0007.pdf' });
      expect(marked.status).toBe(201);
      expect(marked.body.fileName).toBe('surat resmi.pdf');
      const view = await as(stack.url, world.tokens.clerk).get(`/applications/${id}`).expect(200);
      for (const { fileName } of view.body.attachments as Array<{ fileName: string }>) {
        expect(fileName).not.toMatch(/[<>"]|onerror|\.html/);
      }
    });

    it('refuses an image declaring more than 10,000 px a side or 40 MP (413), and an unreadable one (415)', async () => {
      const father = as(stack.url, world.tokens.father);
      const send = (bytes: Buffer, filename: string) =>
        father.upload(`/applications/${id}/attachments`).field('kind', 'LAINNYA').attach('file', bytes, { filename });
      expect((await send(pngDeclaring(65_535, 65_535), 'bom.png')).status).toBe(413);
      expect((await send(pngDeclaring(10_001, 10), 'lebar.png')).status).toBe(413);
      expect((await send(pngDeclaring(8000, 8000), 'megapiksel.png')).status).toBe(413);
      expect((await send(jpegDeclaring(60_000, 60_000), 'bom.jpg')).status).toBe(413);
      expect((await send(jpegDeclaring(3000, 4000), 'foto.jpg')).status).toBe(201);
      expect(
        (await send(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), 'rusak.png')).status,
      ).toBe(415);
      expect((await send(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0x00]), 'rusak.jpg')).status).toBe(415);
    });
  });
});
