import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { EventSubjects, Streams, type DocumentSetIssuedEvent, type RegistryChangeAppliedEvent } from '#lib/contracts';
import type { SyntheticFamily } from '../apps/identity/src/seed/population-generator.js';
import {
  createStaff,
  IDENTITY_TEST_ENV,
  importCsv,
  login,
  registerResident,
  RESIDENT_PASSWORD,
  STAFF_PASSWORD,
  TEST_ADMIN,
} from './factories/accounts.factory.js';
import { familyViewOf, residentsCsv, syntheticFamilies } from './factories/registry.factory.js';
import { EventProbe } from './support/events.js';
import { startStack, type Stack } from './support/stack.js';

const OFFICIAL = { accountId: randomUUID(), fullName: 'Drs. H. AHMAD SYAHRIAL, M.Si.', nip: '197003152000031004' };

function tool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

describe('documents: issuing, reading, checking and revoking', () => {
  let stack: Stack;
  let probe: EventProbe;
  let family: SyntheticFamily;
  let otherFamily: SyntheticFamily;
  let admin: string;
  let clerk: string;
  let otherClerk: string;
  let member: string;
  let stranger: string;
  let set: DocumentSetIssuedEvent;
  let event: RegistryChangeAppliedEvent;
  const scratch = mkdtempSync(path.join(tmpdir(), 'documents-e2e-'));

  beforeAll(async () => {
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    probe = await EventProbe.connect(stack);
    [family, otherFamily] = syntheticFamilies({ regencyCode: '16.02', families: 2, seed: 4242 }) as [
      SyntheticFamily,
      SyntheticFamily,
    ];
    admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await importCsv(stack.url, admin, residentsCsv([family, otherFamily]))).status).toBe(200);
    await createStaff(stack.url, admin, { username: 'clerk.oki', role: 'CLERK', regencyCode: '16.02' });
    await createStaff(stack.url, admin, { username: 'clerk.oku', role: 'CLERK', regencyCode: '16.01' });
    clerk = await login(stack.url, 'clerk.oki', STAFF_PASSWORD);
    otherClerk = await login(stack.url, 'clerk.oku', STAFF_PASSWORD);
    const head = family.members[0];
    const outsider = otherFamily.members[0];
    for (const [person, fam] of [
      [head, family],
      [outsider, otherFamily],
    ] as const) {
      const registered = await registerResident(stack.url, {
        nik: person.nik,
        familyCardNumber: fam.familyCardNumber,
        birthDate: person.birthDate,
      });
      expect(registered.status).toBe(201);
    }
    member = await login(stack.url, head.nik, RESIDENT_PASSWORD);
    stranger = await login(stack.url, outsider.nik, RESIDENT_PASSWORD);

    const child = family.members.find((m) => m.relationship === 'ANAK') ?? family.members[family.members.length - 1];
    const mother = family.members.find((m) => m.relationship === 'ISTRI');
    event = {
      applicationId: randomUUID(),
      type: 'BIRTH_REGISTRATION',
      regencyCode: '16.02',
      approvedAt: new Date().toISOString(),
      official: OFFICIAL,
      familyCardNumbers: [family.familyCardNumber],
      documents: [
        { kind: 'KARTU_KELUARGA', family: familyViewOf(family) },
        {
          kind: 'AKTA_KELAHIRAN',
          birth: {
            childNik: child.nik,
            childName: child.fullName,
            sex: child.sex,
            birthDate: child.birthDate,
            birthPlace: child.birthPlace,
            birthOrder: 1,
            fatherName: head.fullName,
            motherName: mother?.fullName ?? child.motherName,
            registrationDate: new Date().toISOString().slice(0, 10),
          },
        },
      ],
    };
    await probe.ensureStream(Streams.IDENTITY.name, Streams.IDENTITY.subjects);
    await probe.publish(EventSubjects.REGISTRY_CHANGE_APPLIED, event);
    const issued = await probe.read<DocumentSetIssuedEvent>(
      Streams.DOCUMENTS.name,
      EventSubjects.DOCUMENT_SET_ISSUED,
      (events) => events.some((e) => e.applicationId === event.applicationId),
    );
    set = issued.find((e) => e.applicationId === event.applicationId)!;
  });

  afterAll(async () => {
    await probe?.close();
    await stack?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const kk = (): { id: string; number: string } => set.documents.find((d) => d.kind === 'KARTU_KELUARGA')!;
  const akta = (): { id: string; number: string } => set.documents.find((d) => d.kind === 'AKTA_KELAHIRAN')!;
  const auth = (token: string): [string, string] => ['authorization', `Bearer ${token}`];

  it('issues the set an applied registry change lists, and announces it', () => {
    expect(set.documents).toHaveLength(2);
    expect(kk().number).toBe(family.familyCardNumber);
    expect(akta().number).toMatch(/^1602-L[UT]-\d{8}-0001$/);
  });

  it('shows a document to its family and to staff of its regency, and to nobody else', async () => {
    const view = await request(stack.url)
      .get(`/api/v1/documents/${kk().id}`)
      .set(...auth(member))
      .expect(200);
    expect(view.body).toEqual({
      id: kk().id,
      kind: 'KARTU_KELUARGA',
      number: family.familyCardNumber,
      status: 'VALID',
      issuedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      applicationId: event.applicationId,
      verificationUrl: expect.stringMatching(new RegExp(`^${stack.url}/verifikasi/[A-Za-z0-9_-]{24}$`)),
    });
    await request(stack.url)
      .get(`/api/v1/documents/${akta().id}`)
      .set(...auth(clerk))
      .expect(200);
    await request(stack.url)
      .get(`/api/v1/documents/${kk().id}`)
      .set(...auth(otherClerk))
      .expect(404);
    await request(stack.url)
      .get(`/api/v1/documents/${kk().id}`)
      .set(...auth(stranger))
      .expect(404);
    await request(stack.url)
      .get(`/api/v1/documents/${randomUUID()}`)
      .set(...auth(clerk))
      .expect(404);
    await request(stack.url).get(`/api/v1/documents/${kk().id}`).expect(401);
    const bad = await request(stack.url)
      .get('/api/v1/documents/not-a-uuid')
      .set(...auth(clerk))
      .expect(400);
    expect(bad.body.errors[0].field).toBe('id');
  });

  it('hands out the signed PDF byte for byte, readable, signed, with a QR code that leads to a working check', async () => {
    const response = await request(stack.url)
      .get(`/api/v1/documents/${kk().id}/pdf`)
      .set(...auth(member))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(response.headers['x-content-sha256']);
    await request(stack.url)
      .get(`/api/v1/documents/${kk().id}/pdf`)
      .set(...auth(stranger))
      .expect(404);

    const file = path.join(scratch, 'kk.pdf');
    writeFileSync(file, pdf);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('KARTU KELUARGA');
    expect(text).toContain(family.familyCardNumber);
    for (const person of family.members) expect(text).toContain(person.nik);
    expect(text).toContain(OFFICIAL.nip);

    const signature = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    expect(signature.stdout).toMatch(/Signature is Valid/i);

    if (tool('zbarimg')) {
      spawnSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, path.join(scratch, 'kk')]);
      const qr = spawnSync('zbarimg', ['-q', '--raw', path.join(scratch, 'kk.png')], {
        encoding: 'utf8',
      }).stdout.trim();
      const view = await request(stack.url)
        .get(`/api/v1/documents/${kk().id}`)
        .set(...auth(member));
      expect(qr).toBe(view.body.verificationUrl);
      const page = await request(stack.url).get(new URL(qr).pathname).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('DOKUMEN SAH');
      expect(page.text).toContain('lang="id"');
    }
  });

  it('lets anyone check a document by its token, with the holder name masked', async () => {
    const view = await request(stack.url)
      .get(`/api/v1/documents/${akta().id}`)
      .set(...auth(member));
    const token = new URL(view.body.verificationUrl).pathname.split('/').pop()!;
    const check = await request(stack.url).get(`/api/v1/public/documents/${token}`).expect(200);
    const birthDocument = event.documents[1];
    const childName = birthDocument.kind === 'AKTA_KELAHIRAN' ? birthDocument.birth.childName : '';
    expect(check.body).toMatchObject({
      valid: true,
      status: 'VALID',
      kind: 'AKTA_KELAHIRAN',
      number: akta().number,
      issuer: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Ogan Komering Ilir',
    });
    expect(check.body.holderName).not.toBe(childName);
    expect(check.body.holderName.split(' ')).toHaveLength(childName.split(/\s+/).length);
    expect(check.body.holderName[0]).toBe(childName[0]);
    await request(stack.url).get('/api/v1/public/documents/AAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
    await request(stack.url).get('/api/v1/public/documents/bad!token').expect(400);
    const missing = await request(stack.url).get('/verifikasi/AAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
    expect(missing.text).toContain('DOKUMEN TIDAK DITEMUKAN');
  });

  it('issues nothing twice when the same change arrives again', async () => {
    await probe.publish(EventSubjects.REGISTRY_CHANGE_APPLIED, event);
    const announced = await probe.read<DocumentSetIssuedEvent>(
      Streams.DOCUMENTS.name,
      EventSubjects.DOCUMENT_SET_ISSUED,
      () => false,
      2500,
    );
    expect(announced.filter((e) => e.applicationId === event.applicationId)).toHaveLength(1);
    const again = await request(stack.url)
      .get(`/api/v1/documents/${kk().id}`)
      .set(...auth(member))
      .expect(200);
    expect(again.body.status).toBe('VALID');
  });

  it('marks the earlier Kartu Keluarga SUPERSEDED when the family gets a new print', async () => {
    const first = await request(stack.url)
      .get(`/api/v1/documents/${kk().id}`)
      .set(...auth(member));
    const token = new URL(first.body.verificationUrl).pathname.split('/').pop()!;
    const reprint: RegistryChangeAppliedEvent = {
      ...event,
      applicationId: randomUUID(),
      type: 'FAMILY_CARD_REPLACEMENT',
      documents: [{ kind: 'KARTU_KELUARGA', family: familyViewOf(family) }],
    };
    await probe.publish(EventSubjects.REGISTRY_CHANGE_APPLIED, reprint);
    const issued = await probe.read<DocumentSetIssuedEvent>(
      Streams.DOCUMENTS.name,
      EventSubjects.DOCUMENT_SET_ISSUED,
      (events) => events.some((e) => e.applicationId === reprint.applicationId),
    );
    const newer = issued.find((e) => e.applicationId === reprint.applicationId)!.documents[0];
    expect(newer.number).toBe(family.familyCardNumber);
    const old = await request(stack.url).get(`/api/v1/public/documents/${token}`).expect(200);
    expect(old.body).toMatchObject({ valid: false, status: 'SUPERSEDED' });
    const page = await request(stack.url).get(`/verifikasi/${token}`).expect(200);
    expect(page.text).toContain('DOKUMEN SUDAH DIGANTI');
    const current = await request(stack.url)
      .get(`/api/v1/documents/${newer.id}`)
      .set(...auth(member))
      .expect(200);
    expect(current.body.status).toBe('VALID');
  });

  it('lets an administrator revoke a document once, with a reason', async () => {
    await request(stack.url)
      .post(`/api/v1/admin/documents/${akta().id}/revoke`)
      .set(...auth(clerk))
      .send({ reason: 'Data kelahiran keliru' })
      .expect(403);
    await request(stack.url)
      .post(`/api/v1/admin/documents/${akta().id}/revoke`)
      .set(...auth(admin))
      .send({})
      .expect(400);
    // Anyone who checks the QR code reads the reason: nothing hidden in it, and not blank.
    for (const reason of ['Data kelahiran\u200b keliru', 'Data\u0007 keliru', '  \n ']) {
      const hidden = await request(stack.url)
        .post(`/api/v1/admin/documents/${akta().id}/revoke`)
        .set(...auth(admin))
        .send({ reason })
        .expect(400);
      expect(hidden.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    }
    const revoked = await request(stack.url)
      .post(`/api/v1/admin/documents/${akta().id}/revoke`)
      .set(...auth(admin))
      .send({ reason: 'Data kelahiran keliru' })
      .expect(200);
    expect(revoked.body.status).toBe('REVOKED');
    const token = new URL(revoked.body.verificationUrl).pathname.split('/').pop()!;
    const check = await request(stack.url).get(`/api/v1/public/documents/${token}`).expect(200);
    expect(check.body).toMatchObject({ valid: false, status: 'REVOKED', revokedReason: 'Data kelahiran keliru' });
    const again = await request(stack.url)
      .post(`/api/v1/admin/documents/${akta().id}/revoke`)
      .set(...auth(admin))
      .send({ reason: 'lagi' })
      .expect(409);
    expect(again.body.code).toBe('DOCUMENT.ALREADY_REVOKED');
  });
});
