import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { SyntheticFamily, SyntheticPerson } from '../apps/identity/src/seed/population-generator.js';
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
import { agencyToken, createAgency, verification, verify } from './factories/agencies.factory.js';
import { as, daysAgo, deathReportBody } from './factories/applications.factory.js';
import { residentsCsv, syntheticFamilies } from './factories/registry.factory.js';
import { startStack, type Stack } from './support/stack.js';

interface Application {
  id: string;
  status: string;
  type: string;
  details: Record<string, unknown>;
  documents: Array<{ id: string; kind: string; number: string }>;
}

interface Problem {
  code: string;
  errors: Array<{ field: string; message: string }>;
}

const REGENCY = '16.02';
const yearsAgo = (years: number): string => daysAgo(Math.round(years * 365.25));

/** A married head with a married spouse, a grown-up child and a child under 17, all active. */
function fitsDeathTests(family: SyntheticFamily): boolean {
  const head = family.members[0];
  const spouse = family.members.find((m) => m.relationship === 'ISTRI' || m.relationship === 'SUAMI');
  const children = family.members.filter((m) => m.relationship === 'ANAK');
  return (
    family.members.every((m) => m.status === 'ACTIVE') &&
    head.relationship === 'KEPALA_KELUARGA' &&
    head.maritalStatus === 'KAWIN_TERCATAT' &&
    spouse?.maritalStatus === 'KAWIN_TERCATAT' &&
    children.some((c) => c.birthDate < yearsAgo(19)) &&
    children.some((c) => c.birthDate > yearsAgo(15))
  );
}

function pdfFile(dir: string, name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/**
 * Pencatatan kematian through the gateway: the checks of a report (422, never telling a resident
 * about strangers), then a report driven to ISSUED — the person DECEASED and gone from the KK,
 * the widow CERAI_MATI, the grown-up child heading the family, the KK reissued (the old print
 * superseded), a signed Kutipan Akta Kematian, and agency verification answering DECEASED.
 */
describe('death registration', () => {
  let stack: Stack;
  let family: SyntheticFamily;
  let stranger: SyntheticFamily;
  let head: SyntheticPerson;
  let spouse: SyntheticPerson;
  let adultChild: SyntheticPerson;
  let minorChild: SyntheticPerson;
  let tokens: { spouse: string; stranger: string; clerk: string; official: string; admin: string };
  const scratch = mkdtempSync(path.join(tmpdir(), 'death-e2e-'));

  beforeAll(async () => {
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    const families = syntheticFamilies({ regencyCode: REGENCY, families: 120, seed: 31 });
    family = families.find(fitsDeathTests)!;
    stranger = families.find((f) => f !== family && f.members.every((m) => m.status === 'ACTIVE'))!;
    if (!family || !stranger) throw new Error('The synthetic population has no family the tests need; change the seed');
    head = family.members[0];
    spouse = family.members.find((m) => m.relationship === 'ISTRI' || m.relationship === 'SUAMI')!;
    adultChild = family.members.find((m) => m.relationship === 'ANAK' && m.birthDate < yearsAgo(19))!;
    minorChild = family.members.find((m) => m.relationship === 'ANAK' && m.birthDate > yearsAgo(15))!;

    const admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    const imported = await importCsv(stack.url, admin, residentsCsv([family, stranger]));
    expect(imported.status).toBe(200);
    expect(imported.body.rejected).toEqual([]);
    const resident = async (person: SyntheticPerson, of: SyntheticFamily): Promise<string> => {
      const registered = await registerResident(stack.url, {
        nik: person.nik,
        familyCardNumber: of.familyCardNumber,
        birthDate: person.birthDate,
      });
      expect(registered.status).toBe(201);
      return login(stack.url, person.nik, RESIDENT_PASSWORD);
    };
    await createStaff(stack.url, admin, { username: 'clerk.kematian', role: 'CLERK', regencyCode: REGENCY });
    await createStaff(stack.url, admin, { username: 'official.kematian', role: 'OFFICIAL', regencyCode: REGENCY });
    tokens = {
      spouse: await resident(spouse, family),
      stranger: await resident(stranger.members[0], stranger),
      clerk: await login(stack.url, 'clerk.kematian', STAFF_PASSWORD),
      official: await login(stack.url, 'official.kematian', STAFF_PASSWORD),
      admin,
    };
  });

  afterAll(async () => {
    await stack?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** The head's death as the spouse reports it, the grown-up child named to head the family. */
  const report = (overrides: Record<string, unknown> = {}): Record<string, unknown> =>
    deathReportBody(
      { familyCardNumber: family.familyCardNumber, deceasedNik: head.nik, newHeadNik: adultChild.nik },
      overrides,
    );

  async function refused(body: Record<string, unknown>, token = tokens.spouse): Promise<Problem> {
    const response = await as(stack.url, token).post('/applications', body);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('APPLICATION.RULE_VIOLATION');
    return response.body as Problem;
  }
  const fields = (problem: Problem): string[] => problem.errors.map((e) => e.field);

  async function until(id: string, status: string, timeoutMs = 30_000): Promise<Application> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await as(stack.url, tokens.spouse).get(`/applications/${id}`).expect(200);
      const application = response.body as Application;
      if (application.status === status || Date.now() > deadline) return application;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async function approved(body: Record<string, unknown>): Promise<Application> {
    const submitted = await as(stack.url, tokens.spouse).post('/applications', body).expect(201);
    const id = (submitted.body as Application).id;
    await as(stack.url, tokens.clerk).post(`/applications/${id}/verify`, {}).expect(200);
    await as(stack.url, tokens.official).post(`/applications/${id}/approve`).expect(202);
    return until(id, 'ISSUED');
  }

  async function download(id: string, name: string): Promise<string> {
    const response = await as(stack.url, tokens.spouse)
      .get(`/documents/${id}/pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    return pdfFile(scratch, name, response.body as Buffer);
  }

  describe('the checks of a report', () => {
    it('refuses a deceased who is not a member of the KK', async () => {
      const problem = await refused(report({ deceasedNik: stranger.members[1].nik, newHeadNik: undefined }));
      expect(fields(problem)).toEqual(['deceasedNik']);
    });

    it('refuses a date of death in the future, or before the birth', async () => {
      expect(fields(await refused(report({ dateOfDeath: daysAgo(-3) })))).toEqual(['dateOfDeath']);
      const beforeBirth = new Date(Date.parse(`${head.birthDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const problem = await refused(report({ dateOfDeath: beforeBirth }));
      expect(problem.errors).toEqual([
        { field: 'dateOfDeath', message: 'Tanggal kematian tidak boleh sebelum tanggal lahir' },
      ]);
    });

    it('refuses the death of the head without a new head, and a child as the new head', async () => {
      expect(fields(await refused(report({ newHeadNik: undefined })))).toEqual(['newHeadNik']);
      const child = await refused(report({ newHeadNik: minorChild.nik }));
      expect(child.errors).toEqual([
        {
          field: 'newHeadNik',
          message: 'Kepala keluarga baru harus sudah dewasa: berumur 17 tahun atau sudah/pernah kawin',
        },
      ]);
    });

    it('tells a resident of another family nothing about this one, and names no NIK', async () => {
      const problem = await refused(report(), tokens.stranger);
      expect(problem.errors).toEqual([
        { field: 'familyCardNumber', message: 'Pemohon harus anggota Kartu Keluarga yang dilaporkan' },
      ]);
      const unknownFamily = await refused(report({ familyCardNumber: stranger.familyCardNumber }), tokens.spouse);
      expect(unknownFamily.errors).toEqual(problem.errors);
      for (const { message } of [...problem.errors, ...unknownFamily.errors]) expect(message).not.toMatch(/\d{16}/);
    });

    it('refuses a malformed report before any rule (400)', async () => {
      const response = await as(stack.url, tokens.spouse).post(
        '/applications',
        report({ cause: 'SIHIR', witnessNiks: [head.nik] }),
      );
      expect(response.status).toBe(400);
      expect((response.body as Problem).errors.map((e) => e.field).sort()).toEqual(['cause', 'witnessNiks']);
    });
  });

  describe('a report driven to ISSUED', () => {
    let oldPrint: { id: string; token: string };
    let issued: Application;

    beforeAll(async () => {
      // A print of the KK from before the death, to be superseded by the reissue.
      const replaced = await approved({
        type: 'FAMILY_CARD_REPLACEMENT',
        familyCardNumber: family.familyCardNumber,
        reason: 'HILANG',
      });
      expect(replaced.status).toBe('ISSUED');
      const print = await as(stack.url, tokens.spouse).get(`/documents/${replaced.documents[0].id}`).expect(200);
      oldPrint = { id: print.body.id, token: new URL(print.body.verificationUrl).pathname.split('/').pop()! };
      issued = await approved(report({ witnessNiks: [adultChild.nik, stranger.members[0].nik] }));
    });

    it('ends ISSUED with an AKTA_KEMATIAN and the reissued KARTU_KELUARGA', () => {
      expect(issued.status).toBe('ISSUED');
      expect(issued.type).toBe('DEATH_REGISTRATION');
      expect(issued.details).toMatchObject({ deceasedNik: head.nik, cause: 'SAKIT_BIASA', certifiedBy: 'DOKTER' });
      expect(issued.documents.map((d) => d.kind).sort()).toEqual(['AKTA_KEMATIAN', 'KARTU_KELUARGA']);
      expect(issued.documents.find((d) => d.kind === 'AKTA_KEMATIAN')!.number).toMatch(/^1602-KM-\d{8}-0001$/);
      expect(issued.documents.find((d) => d.kind === 'KARTU_KELUARGA')!.number).toBe(family.familyCardNumber);
    });

    it('prints the official sentence on a signed akta whose QR code opens its verification page', async () => {
      const akta = issued.documents.find((d) => d.kind === 'AKTA_KEMATIAN')!;
      const file = await download(akta.id, 'akta-kematian.pdf');
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      expect(text).toContain('KUTIPAN AKTA KEMATIAN');
      expect(text).toContain(head.nik);
      expect(text).toMatch(
        new RegExp(
          `Berdasarkan Akta Kematian Nomor ${akta.number} bahwa di KAYUAGUNG pada tanggal [A-Z ]+ pukul 04:30 ` +
            `telah meninggal dunia ${head.fullName.toUpperCase()}`,
        ),
      );
      expect(spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout).toMatch(/Signature is Valid/i);

      spawnSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, path.join(scratch, 'akta')]);
      const qr = spawnSync('zbarimg', ['-q', '--raw', path.join(scratch, 'akta.png')], {
        encoding: 'utf8',
      }).stdout.trim();
      const view = await as(stack.url, tokens.spouse).get(`/documents/${akta.id}`).expect(200);
      expect(view.body).toMatchObject({ kind: 'AKTA_KEMATIAN', status: 'VALID', applicationId: issued.id });
      expect(qr).toBe(view.body.verificationUrl);
      const page = await request(stack.url).get(new URL(qr).pathname).expect(200);
      expect(page.text).toContain('DOKUMEN SAH');
    });

    it('reissues the KK without the deceased, and the old print says SUPERSEDED', async () => {
      const kk = issued.documents.find((d) => d.kind === 'KARTU_KELUARGA')!;
      const file = await download(kk.id, 'kk.pdf');
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain(adultChild.nik);
      expect(text).not.toContain(head.nik);
      const old = await request(stack.url).get(`/api/v1/public/documents/${oldPrint.token}`).expect(200);
      expect(old.body).toMatchObject({ valid: false, status: 'SUPERSEDED' });
    });

    it('records the person DECEASED and out of the KK, the spouse CERAI_MATI, the grown-up child its head', async () => {
      const now = await as(stack.url, tokens.clerk).get(`/families/${family.familyCardNumber}`).expect(200);
      const members = now.body.members as Array<{ nik: string; relationship: string; maritalStatus: string }>;
      expect(members.map((m) => m.nik)).not.toContain(head.nik);
      expect(members).toHaveLength(family.members.length - 1);
      expect(now.body.headNik).toBe(adultChild.nik);
      expect(members.find((m) => m.nik === adultChild.nik)).toMatchObject({ relationship: 'KEPALA_KELUARGA' });
      expect(members.find((m) => m.nik === spouse.nik)).toMatchObject({
        maritalStatus: 'CERAI_MATI',
        relationship: spouse.relationship,
      });
      expect(members.find((m) => m.nik === minorChild.nik)).toMatchObject({ relationship: 'ANAK' });
      const deceased = await as(stack.url, tokens.clerk).get(`/residents/${head.nik}`).expect(200);
      expect(deceased.body.status).toBe('DECEASED');
    });

    it('answers agency verification of the NIK with status DECEASED', async () => {
      const agency = await agencyToken(stack.url, await createAgency(stack.url, tokens.admin));
      const answer = await verify(stack.url, agency, verification(head.nik, { fullName: head.fullName })).expect(200);
      expect(answer.body).toMatchObject({ nik: head.nik, found: true, status: 'DECEASED' });
    });

    it('refuses a second report of the same death', async () => {
      const problem = await refused(report({ newHeadNik: undefined }));
      expect(fields(problem)).toContain('deceasedNik');
    });
  });
});
