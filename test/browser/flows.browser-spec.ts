import { describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { RESIDENT_PASSWORD } from '../factories/accounts.factory.js';
import { DESKTOP, personAt, PHONE, signIn } from './support/browser.js';
import { act, applyForBirth, chooseAction, openFromQueue, registerResident } from './support/pages.js';
import { daysAgo, headOf, browserSuite } from './support/world.js';

jest.setTimeout(180_000);

describe('web pages in headless Chromium', () => {
  const suite = browserSuite({ families: 2 });

  it('serves the pages at / with history fallback, never shadowing the API or the QR page', async () => {
    const home = await request(suite.stack.url).get('/permohonan/baru');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toContain('text/html');
    expect(home.text).toContain('lang="id"');
    expect((await request(suite.stack.url).get('/api/v1/tidak-ada')).status).toBe(404);
    expect((await request(suite.stack.url).get('/api/v1/tidak-ada')).headers['content-type']).toContain('problem+json');
    expect((await request(suite.stack.url).get('/api/v1/health')).status).toBe(200);
    expect((await request(suite.stack.url).get('/verifikasi/AAAAAAAAAAAAAAAAAAAAAA')).text).toContain(
      'DOKUMEN TIDAK DITEMUKAN',
    );
    expect((await request(suite.stack.url).get('/theme.css')).headers['content-type']).toContain('text/css');
    expect((await request(suite.stack.url).get('/tidak-ada.js')).status).toBe(404);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(home.text)?.[1] as string;
    const gzipped = await request(suite.stack.url).get(script).set('accept-encoding', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['cache-control']).toContain('immutable');
    const villages = await request(suite.stack.url).get('/api/v1/regions/16.02.05/children');
    expect(villages.body.items).toEqual(expect.arrayContaining([{ code: '16.02.05.1002', name: 'Kayuagung' }]));
  });

  it('a resident registers and applies for a birth registration, a clerk verifies, an official approves, the resident downloads the akta', async () => {
    const family = suite.world.families[0];
    const head = headOf(family);
    const resident = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    await registerResident(resident.page, head.nik, family.familyCardNumber, head.birthDate);
    await resident.page.getByText(family.familyCardNumber).first().waitFor();
    const number = await applyForBirth(resident.page, { name: 'Ayu Lestari', birthDate: daysAgo(5) });
    expect(number).not.toBe('');
    await resident.page.getByText('Diajukan').first().waitFor();

    const clerk = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    await signIn(clerk.page, suite.world.clerk.username, suite.world.clerk.password);
    await openFromQueue(clerk.page, number);
    // The parents as they stand in the KK, beside the report; the evidence in the page.
    await clerk.page.getByRole('cell', { name: new RegExp(`${head.fullName}.*ayah`) }).waitFor();
    await clerk.page.locator('.evidence-frame iframe').waitFor();
    // A clerk is not offered approval.
    expect(await clerk.page.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    await act(clerk.page, 'Verifikasi', 'Berkas lengkap');
    await clerk.page.getByText('Diverifikasi').first().waitFor();

    const official = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    await signIn(official.page, suite.world.official.username, suite.world.official.password);
    await openFromQueue(official.page, number);
    await act(official.page, 'Setujui');

    await resident.page.reload();
    await resident.page.getByText('Diterbitkan').first().waitFor({ timeout: 60_000 });
    const downloadButton = resident.page.getByRole('button', { name: 'Unduh PDF Akta Kelahiran' });
    const [download] = await Promise.all([resident.page.waitForEvent('download'), downloadButton.click()]);
    const saved = await download.path();
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/^kutipan-akta-kelahiran-.*\.pdf$/);
    await Promise.all([resident.context.close(), clerk.context.close(), official.context.close()]);
  });

  it('a returned application is fixed and resubmitted', async () => {
    const family = suite.world.families[1];
    const head = headOf(family);
    const resident = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    await registerResident(resident.page, head.nik, family.familyCardNumber, head.birthDate);
    const number = await applyForBirth(resident.page, { name: 'Bagus Pratama', birthDate: daysAgo(4) });

    const clerk = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    await signIn(clerk.page, suite.world.clerk.username, suite.world.clerk.password);
    await openFromQueue(clerk.page, number);
    // A reason with a hidden character is named on the page, before anything is sent.
    const confirm = await chooseAction(clerk.page, 'Kembalikan untuk perbaikan');
    const posted: string[] = [];
    const onRequest = (sent: { method(): string; url(): string }): void => {
      if (sent.method() === 'POST') posted.push(sent.url());
    };
    clerk.page.on('request', onRequest);
    await clerk.page.getByRole('textbox').last().fill('Nomor surat \u202eterbaca');
    await confirm.click();
    await clerk.page.getByText('Alasan tidak boleh memuat karakter kendali', { exact: false }).first().waitFor();
    clerk.page.off('request', onRequest);
    expect(posted).toEqual([]);
    await act(clerk.page, 'Kembalikan untuk perbaikan', 'Nomor surat keterangan lahir tidak terbaca');

    await resident.page.reload();
    await resident.page.getByText('Nomor surat keterangan lahir tidak terbaca').first().waitFor();
    await resident.page.getByRole('link', { name: 'Perbaiki dan ajukan kembali' }).click();
    await resident.page.getByText('Dikembalikan untuk perbaikan.').waitFor();
    const letter = resident.page.getByLabel('Nomor surat keterangan lahir');
    expect(await letter.inputValue()).toBe('SKL/RSUD-KAG/2026/0412');
    await letter.fill('SKL/RSUD-KAG/2026/0413');
    await resident.page.getByRole('button', { name: 'Ajukan kembali' }).click();
    await resident.page.getByText('Perbaikan terkirim').waitFor();
    await resident.page.getByTestId('application-status').getByText('Diajukan').waitFor();
    // The timeline keeps the reason of the return.
    await resident.page.locator('.timeline').getByText('Nomor surat keterangan lahir tidak terbaca').waitFor();

    await clerk.page.reload();
    await clerk.page.getByText('SKL/RSUD-KAG/2026/0413').waitFor();
    await Promise.all([resident.context.close(), clerk.context.close()]);
  });

  it('the public page of a superseded Kartu Keluarga says so, in the app too', async () => {
    const family = suite.world.families[0];
    const head = headOf(family);
    const api = (token: string) => ({
      get: (path: string) => request(suite.stack.url).get(`/api/v1${path}`).set('authorization', `Bearer ${token}`),
      post: (path: string, body: object = {}) =>
        request(suite.stack.url).post(`/api/v1${path}`).set('authorization', `Bearer ${token}`).send(body),
    });
    const login = async (username: string, password: string): Promise<string> =>
      (await request(suite.stack.url).post('/api/v1/auth/login').send({ username, password })).body
        .accessToken as string;
    const residentToken = await login(head.nik, RESIDENT_PASSWORD);
    const issued = await api(residentToken).get('/applications?status=ISSUED');
    const firstKk = issued.body.items[0].documents.find((d: { kind: string }) => d.kind === 'KARTU_KELUARGA');
    const oldKk = (await api(residentToken).get(`/documents/${firstKk.id}`)).body;

    // A replacement reissues the KK: the earlier print is superseded.
    const replacement = await api(residentToken).post('/applications', {
      type: 'FAMILY_CARD_REPLACEMENT',
      familyCardNumber: family.familyCardNumber,
      reason: 'HILANG',
    });
    expect(replacement.status).toBe(201);
    const clerkToken = await login(suite.world.clerk.username, suite.world.clerk.password);
    const officialToken = await login(suite.world.official.username, suite.world.official.password);
    expect((await api(clerkToken).post(`/applications/${replacement.body.id}/verify`)).status).toBe(200);
    expect((await api(officialToken).post(`/applications/${replacement.body.id}/approve`)).status).toBe(202);
    for (let i = 0; i < 60; i++) {
      if ((await api(residentToken).get(`/documents/${oldKk.id}`)).body.status === 'SUPERSEDED') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    const visitor = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    const token = new URL(oldKk.verificationUrl).pathname.split('/').pop() as string;
    await visitor.page.goto(`/verifikasi/${token}`);
    await visitor.page.getByRole('heading', { name: 'DOKUMEN SUDAH DIGANTI' }).waitFor();
    expect(await visitor.page.locator('html').getAttribute('lang')).toBe('id');

    await visitor.page.goto('/cek-dokumen');
    await visitor.page.getByLabel('Kode verifikasi').fill(oldKk.verificationUrl);
    await visitor.page.getByRole('button', { name: 'Periksa' }).click();
    await visitor.page.getByRole('heading', { name: 'DOKUMEN SUDAH DIGANTI' }).waitFor();
    await visitor.page.getByText(oldKk.number).waitFor();
    await visitor.context.close();
  });
});
