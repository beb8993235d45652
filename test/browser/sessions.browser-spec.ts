import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { COMMON_PASSWORD_MESSAGE } from '#lib/domain';
import {
  IDENTITY_TEST_ENV,
  RESIDENT_PASSWORD,
  TEST_ADMIN,
  importCsv,
  login,
  registerResident,
} from '../factories/accounts.factory.js';
import { residentsCsv, syntheticFamilyWith } from '../factories/registry.factory.js';
import { startStack, type Stack } from '../support/stack.js';
import { seriousViolations, smallTapTargets } from './support/axe.js';
import { PHONE, ensureWebBuilt, launchBrowser, personAt, signIn, type BrowserSession } from './support/browser.js';

const OKI = '16.02';
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const WINDOWS_FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0';

/** "Sesi aktif" (see and end one's sign-ins) and the common-password refusal, on a phone. */
describe('account security pages in headless Chromium', () => {
  let stack: Stack;
  let chromium: BrowserSession;
  let admin: string;
  const family = syntheticFamilyWith({ regencyCode: OKI, members: 3, seed: 94 });
  const [resident, newcomer] = family.members;

  beforeAll(async () => {
    ensureWebBuilt();
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    chromium = await launchBrowser();
    admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    await importCsv(stack.url, admin, residentsCsv([family]));
    const created = await registerResident(stack.url, {
      nik: resident.nik,
      familyCardNumber: family.familyCardNumber,
      birthDate: resident.birthDate,
    });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await chromium?.close();
    await stack?.close();
  });

  const signInElsewhere = async (userAgent: string): Promise<string> => {
    const response = await request(stack.url)
      .post('/api/v1/auth/login')
      .set('user-agent', userAgent)
      .send({ username: resident.nik, password: RESIDENT_PASSWORD })
      .expect(200);
    return response.body.accessToken as string;
  };
  const meStatus = async (token: string): Promise<number> =>
    (await request(stack.url).get('/api/v1/me').set('authorization', `Bearer ${token}`)).status;

  it('a resident sees where they are signed in, ends a device they do not know, then every other, then this one', async () => {
    const phoneToken = await signInElsewhere(ANDROID_CHROME);
    const laptopToken = await signInElsewhere(WINDOWS_FIREFOX);
    const { page, context } = await personAt(chromium.browser, stack.url, PHONE);
    await signIn(page, resident.nik, RESIDENT_PASSWORD);
    await page.getByRole('link', { name: 'Kata sandi' }).click();
    await page.getByRole('link', { name: 'Sesi aktif' }).click();
    await page.getByRole('heading', { name: 'Sesi aktif', level: 1 }).waitFor();
    const list = page.getByRole('list', { name: 'Sesi aktif' });
    await list.getByRole('listitem').nth(2).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(3);
    await list.getByRole('heading', { name: 'Chrome di Android' }).waitFor();
    await list.getByRole('heading', { name: 'Firefox di Windows' }).waitFor();
    await list.getByText('Perangkat ini', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTapTargets(page)).toEqual([]);

    // The lost phone: its session ends on the server at once.
    await page.getByRole('button', { name: 'Akhiri sesi Chrome di Android' }).click();
    await page.getByText('Sesi di Chrome di Android telah diakhiri.').waitFor();
    expect(await meStatus(phoneToken)).toBe(401);
    expect(await meStatus(laptopToken)).toBe(200);
    await expect(list.getByRole('listitem').count()).resolves.toBe(2);

    await page.getByRole('button', { name: 'Keluar dari semua perangkat lain' }).click();
    await page.getByText('1 sesi di perangkat lain telah diakhiri.').waitFor();
    expect(await meStatus(laptopToken)).toBe(401);
    await page.getByText('Tidak ada sesi lain selain perangkat ini.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const stored = await page.evaluate(() => sessionStorage.getItem('disduk.session'));
    const pageToken = (JSON.parse(stored ?? '{}') as { token?: string }).token ?? '';
    expect(await meStatus(pageToken)).toBe(200);
    await page.getByRole('button', { name: 'Keluar dari perangkat ini' }).click();
    await page.getByLabel('NIK atau nama pengguna').waitFor();
    expect(await meStatus(pageToken)).toBe(401);
    await context.close();
  });

  it('registration refuses a common password with the reason under the field, then accepts a good one', async () => {
    const { page, context } = await personAt(chromium.browser, stack.url, PHONE);
    await page.goto('/daftar');
    await page.getByLabel('NIK', { exact: true }).fill(newcomer.nik);
    await page.getByLabel('No. KK').fill(family.familyCardNumber);
    await page.getByLabel('Tanggal lahir').fill(newcomer.birthDate);
    await page.getByLabel('Kata sandi', { exact: true }).fill('Bismillah123!');
    await page.getByLabel('Ulangi kata sandi').fill('Bismillah123!');
    await page.getByRole('button', { name: 'Daftar' }).click();
    const field = page.getByLabel('Kata sandi', { exact: true });
    // Under the field (its description), and in the box at the top that links to it.
    await page.locator('.field', { has: field }).getByText(COMMON_PASSWORD_MESSAGE).waitFor();
    await page.getByRole('alert').getByText(COMMON_PASSWORD_MESSAGE).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await field.fill(RESIDENT_PASSWORD);
    await page.getByLabel('Ulangi kata sandi').fill(RESIDENT_PASSWORD);
    await page.getByRole('button', { name: 'Daftar' }).click();
    await page.getByRole('heading', { name: 'Keluarga saya' }).waitFor();
    await context.close();
  });
});
