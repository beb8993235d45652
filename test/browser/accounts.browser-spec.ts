import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generate } from 'otplib';
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
import { residentsCsv, syntheticFamilyWith } from '../factories/registry.factory.js';
import { wrongCode } from '../factories/totp.factory.js';
import { startStack, type Stack } from '../support/stack.js';
import { seriousViolations } from './support/axe.js';
import {
  DESKTOP,
  PHONE,
  ensureWebBuilt,
  launchBrowser,
  personAt,
  signIn,
  type BrowserSession,
} from './support/browser.js';

const OKI = '16.02';

/** The account pages: second factor enrolment and sign-in, password change, the admin's staff list. */
describe('account pages in headless Chromium', () => {
  let stack: Stack;
  let chromium: BrowserSession;
  let admin: string;
  const family = syntheticFamilyWith({ regencyCode: OKI, members: 2, seed: 93 });
  const resident = family.members[0];

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

  /** The page signs out in the background: its token is refused within moments. */
  const waitForRefusal = async (token: string): Promise<void> => {
    for (let i = 0; i < 50; i++) {
      const response = await request(stack.url).get('/api/v1/me').set('authorization', `Bearer ${token}`);
      if (response.status === 401) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the signed-out token is still accepted');
  };

  afterAll(async () => {
    await chromium?.close();
    await stack?.close();
  });

  it('a clerk turns on the second factor with the QR code, keeps the recovery codes, then signs in with a code', async () => {
    await createStaff(stack.url, admin, { username: 'operator.dualangkah', role: 'CLERK', regencyCode: OKI });
    const { page, context } = await personAt(chromium.browser, stack.url, DESKTOP);
    await signIn(page, 'operator.dualangkah', STAFF_PASSWORD);
    await page.getByRole('link', { name: 'Verifikasi dua langkah' }).click();
    await page.getByRole('button', { name: 'Mulai aktifkan verifikasi dua langkah' }).click();
    const qr = page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await seriousViolations(page)).toEqual([]);
    const secret = (await page.locator('code').first().textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByLabel('Kode verifikasi').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Aktifkan' }).click();
    await page.getByRole('heading', { name: 'Kode pemulihan' }).waitFor();
    const codes = await page.getByRole('list', { name: 'Kode pemulihan' }).getByRole('listitem').allTextContents();
    expect(codes).toHaveLength(10);
    await page.getByRole('button', { name: 'Saya sudah menyimpan kode pemulihan' }).click();
    await page.getByRole('heading', { name: 'Antrean permohonan' }).waitFor();

    // Sign out: the session ends on the server too (its access token is refused at once).
    const stored = await page.evaluate(() => sessionStorage.getItem('disduk.session'));
    const signedOutToken = (JSON.parse(stored ?? '{}') as { token?: string }).token ?? '';
    await request(stack.url).get('/api/v1/me').set('authorization', `Bearer ${signedOutToken}`).expect(200);
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByLabel('NIK atau nama pengguna').waitFor();
    await waitForRefusal(signedOutToken);
    // Then in again: password, then the code.
    await page.getByLabel('NIK atau nama pengguna').fill('operator.dualangkah');
    await page.getByLabel('Kata sandi').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByLabel('Kode verifikasi').fill(await wrongCode(secret));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByText('Kode verifikasi salah.').waitFor();
    // A recovery code works in place of the app's code.
    await page.getByLabel('Kode verifikasi').fill(codes[0]);
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByRole('heading', { name: 'Antrean permohonan' }).waitFor();
    // New recovery codes with a current code: the old ones stop working.
    await page.getByRole('link', { name: 'Verifikasi dua langkah' }).click();
    await page
      .getByLabel('Kode verifikasi dari aplikasi')
      .fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole('button', { name: 'Buat kode pemulihan baru' }).click();
    await page.getByRole('heading', { name: 'Kode pemulihan baru', exact: true }).waitFor();
    const renewed = await page.getByRole('list', { name: 'Kode pemulihan' }).getByRole('listitem').allTextContents();
    expect(renewed).toHaveLength(10);
    expect(renewed).not.toContain(codes[1]);
    expect(await seriousViolations(page)).toEqual([]);
    const first = await request(stack.url)
      .post('/api/v1/auth/login')
      .send({ username: 'operator.dualangkah', password: STAFF_PASSWORD });
    await request(stack.url)
      .post('/api/v1/auth/mfa')
      .send({ mfaToken: first.body.mfaToken as string, code: codes[1] })
      .expect(401);
    await context.close();
  });

  it('a resident changes the password on the phone; the old one stops working', async () => {
    const { page, context } = await personAt(chromium.browser, stack.url, PHONE);
    await signIn(page, resident.nik, RESIDENT_PASSWORD);
    await page.getByRole('link', { name: 'Kata sandi' }).click();
    await page.getByRole('heading', { name: 'Ubah kata sandi' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Kata sandi saat ini').fill(RESIDENT_PASSWORD);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('kata-sandi-penduduk-baru');
    await page.getByLabel('Ulangi kata sandi baru').fill('kata-sandi-penduduk-baru');
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await page.getByRole('heading', { name: 'Keluarga saya' }).waitFor();
    await request(stack.url)
      .post('/api/v1/auth/login')
      .send({ username: resident.nik, password: RESIDENT_PASSWORD })
      .expect(401);
    expect(await login(stack.url, resident.nik, 'kata-sandi-penduduk-baru')).toEqual(expect.any(String));
    await context.close();
  });

  it('the admin lists staff, disables and enables an account, and resets a password that must then be changed', async () => {
    await createStaff(stack.url, admin, { username: 'operator.daftar', role: 'CLERK', regencyCode: OKI });
    const { page, context } = await personAt(chromium.browser, stack.url, DESKTOP);
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password);
    const row = page.getByRole('row').filter({ hasText: 'operator.daftar' });
    await row.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Nonaktifkan' }).click();
    await page.getByText('Akun operator.daftar dinonaktifkan.').waitFor();
    await row.getByText('Nonaktif', { exact: false }).first().waitFor();
    await request(stack.url)
      .post('/api/v1/auth/login')
      .send({ username: 'operator.daftar', password: STAFF_PASSWORD })
      .expect(401);
    await row.getByRole('button', { name: 'Aktifkan' }).click();
    await page.getByText('Akun operator.daftar diaktifkan kembali.').waitFor();
    expect(await login(stack.url, 'operator.daftar', STAFF_PASSWORD)).toEqual(expect.any(String));

    await row.getByRole('button', { name: 'Setel ulang kata sandi' }).click();
    const shown = page.locator('.alert code');
    await shown.waitFor();
    const temporary = (await shown.textContent()) ?? '';
    expect(temporary).toMatch(/^[A-Za-z0-9]{16}$/);
    await context.close();

    // The clerk signs in with it and is taken to set a new password before anything else.
    const clerk = await personAt(chromium.browser, stack.url, DESKTOP);
    await signIn(clerk.page, 'operator.daftar', temporary);
    await clerk.page.getByText('Kata sandi Anda telah disetel ulang oleh administrator').waitFor();
    await clerk.page.goto('/petugas');
    await clerk.page.getByLabel('Kata sandi sementara').waitFor();
    await clerk.page.getByLabel('Kata sandi sementara').fill(temporary);
    await clerk.page.getByLabel('Kata sandi baru', { exact: true }).fill('kata-sandi-operator-baru');
    await clerk.page.getByLabel('Ulangi kata sandi baru').fill('kata-sandi-operator-baru');
    await clerk.page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await clerk.page.getByRole('heading', { name: 'Antrean permohonan' }).waitFor();
    await clerk.context.close();
  });

  it('the admin resets the second factor of a clerk who lost it; the clerk signs in without a code', async () => {
    const { page, context } = await personAt(chromium.browser, stack.url, DESKTOP);
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password);
    // operator.dualangkah turned the second factor on in the first test.
    const row = page.getByRole('row').filter({ hasText: 'operator.dualangkah' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Atur ulang verifikasi dua langkah' }).click();
    await page.getByText('Verifikasi dua langkah operator.dualangkah diatur ulang.', { exact: false }).waitFor();
    // The list is read again: the second factor is off, so the action is gone from the row.
    await row.getByRole('button', { name: 'Atur ulang verifikasi dua langkah' }).waitFor({ state: 'detached' });
    await context.close();
    const signIn2 = await request(stack.url)
      .post('/api/v1/auth/login')
      .send({ username: 'operator.dualangkah', password: STAFF_PASSWORD });
    expect(signIn2.status).toBe(200);
    expect(signIn2.body.accessToken).toEqual(expect.any(String));
    expect(signIn2.body.mfaRequired).toBeUndefined();
  });
});
