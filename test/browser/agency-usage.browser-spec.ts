import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  IDENTITY_TEST_ENV,
  STAFF_PASSWORD,
  TEST_ADMIN,
  importCsv,
  login,
  syntheticNip,
} from '../factories/accounts.factory.js';
import { agencyToken, createAgency, verification, verify, verifyBatch } from '../factories/agencies.factory.js';
import { residentsCsv, syntheticFamilies } from '../factories/registry.factory.js';
import { startStack, type Stack } from '../support/stack.js';
import { seriousViolations } from './support/axe.js';
import { DESKTOP, ensureWebBuilt, launchBrowser, personAt, signIn, type BrowserSession } from './support/browser.js';

describe('the agency list with usage, in headless Chromium', () => {
  let stack: Stack;
  let chromium: BrowserSession;

  beforeAll(async () => {
    ensureWebBuilt();
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    chromium = await launchBrowser();
    const admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    const [family] = syntheticFamilies({ regencyCode: '16.02', families: 1, seed: 41 });
    expect((await importCsv(stack.url, admin, residentsCsv([family]))).status).toBe(200);
    const bank = await createAgency(stack.url, admin, {
      name: 'BANK UJI NUSANTARA',
      allowedFields: ['fullName', 'birthDate'],
      requestsPerMinute: 12_000,
    });
    const idle = await createAgency(stack.url, admin, {
      name: 'ASURANSI UJI SEJAHTERA',
      allowedFields: ['motherName'],
    });
    await request(stack.url)
      .post(`/api/v1/admin/agencies/${idle.id}/suspend`)
      .set('authorization', `Bearer ${admin}`)
      .expect(200);
    const token = await agencyToken(stack.url, bank);
    const [first, second] = family.members;
    await verify(stack.url, token, verification(first.nik, { fullName: first.fullName })).expect(200);
    await verifyBatch(stack.url, token, [verification(first.nik), verification(second?.nik ?? first.nik)]).expect(200);
    await request(stack.url)
      .post('/api/v1/admin/staff')
      .set('authorization', `Bearer ${admin}`)
      .send({
        username: 'admin.kabupaten',
        password: STAFF_PASSWORD,
        fullName: 'ADMIN KABUPATEN',
        nip: syntheticNip(),
        role: 'ADMIN',
        regencyCode: '16.02',
      })
      .expect(201);
  });

  afterAll(async () => {
    await chromium?.close();
    await stack?.close();
  });

  it('shows every agency with its fields in Indonesian, its limit, status and checks today', async () => {
    const { page, context } = await personAt(chromium.browser, stack.url, DESKTOP);
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password);
    await page.getByRole('link', { name: 'Daftar lembaga' }).click();
    await page.getByRole('heading', { name: 'Daftar lembaga pengguna' }).waitFor();
    const table = page.getByTestId('agency-usage');
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toBe('2 lembaga pengguna');
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim())),
      );
    expect(rows).toEqual([
      [
        'ASURANSI UJI SEJAHTERA',
        expect.stringMatching(/\S/),
        'Nama ibu kandung',
        '10.000',
        'Dihentikan sementara',
        '0',
      ],
      ['BANK UJI NUSANTARA', expect.stringMatching(/\S/), 'Nama lengkap, Tanggal lahir', '12.000', 'Aktif', '3'],
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('tells a regency administrator that agencies are managed deployment-wide', async () => {
    const { page, context } = await personAt(chromium.browser, stack.url, DESKTOP);
    await signIn(page, 'admin.kabupaten', STAFF_PASSWORD);
    await page.getByRole('link', { name: 'Daftar lembaga' }).click();
    await page.getByText('Hanya administrator tingkat deployment').waitFor();
    expect(await page.getByTestId('agency-usage').count()).toBe(0);
    await context.close();
  });
});
