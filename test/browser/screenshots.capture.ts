import { afterAll, beforeAll, describe, it, jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { generate } from 'otplib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { createStaff, IDENTITY_TEST_ENV, RESIDENT_PASSWORD, TEST_ADMIN } from '../factories/accounts.factory.js';
import { agencyToken, createAgency, verification, verify, verifyBatch } from '../factories/agencies.factory.js';
import { residentsCsv, syntheticFamilies } from '../factories/registry.factory.js';
import { startStack, type Stack } from '../support/stack.js';
import {
  DESKTOP,
  ensureWebBuilt,
  launchBrowser,
  personAt,
  PHONE,
  signIn,
  type BrowserSession,
} from './support/browser.js';
import { act, applyForBirth, openFromQueue, registerResident } from './support/pages.js';
import { buildWorld, daysAgo, headOf, type BrowserWorld } from './support/world.js';

/**
 * The README's screenshots (docs/screenshots), phone and desktop, made from synthetic data by
 * walking the real flows. Only with SCREENSHOTS=1 (`npm run screenshots`): an ordinary test run
 * leaves the repository's files alone.
 */
const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

jest.setTimeout(300_000);

// The devices the resident's sessions are listed by (Sesi aktif names them from the User-Agent).
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const WINDOWS_FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0';
const ANDROID_PHONE = { ...PHONE, userAgent: ANDROID_CHROME };

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  // Pages load their scripts and data on demand: wait until nothing says "Memuat…" any more.
  await page.waitForFunction(
    () =>
      !(globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes(
        'Memuat',
      ),
  );
  // Caret and focus ring drawn the same on every run.
  await page
    .locator(':focus')
    .evaluateAll((elements) => elements.forEach((element) => (element as { blur(): void }).blur()));
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage, animations: 'disabled', caret: 'hide' });
}

describe('screenshots', () => {
  let stack: Stack;
  let world: BrowserWorld;
  let chromium: BrowserSession;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    ensureWebBuilt();
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    world = await buildWorld(stack.url, 2);
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
    await stack?.close();
  });

  it('of the main pages', async () => {
    const family = world.families[0];
    const head = headOf(family);

    // A scanned birth letter, drawn by the browser itself (synthetic, no real document).
    const scanner = await personAt(chromium.browser, stack.url, { viewport: { width: 620, height: 820 } });
    await scanner.page.setContent(
      `<body style="font-family:serif;padding:40px;background:#fdfcf7"><h2 style="text-align:center">RSUD KAYUAGUNG</h2>
       <h3 style="text-align:center;text-decoration:underline">SURAT KETERANGAN LAHIR</h3>
       <p>Nomor: SKL/RSUD-KAG/2026/0412</p><p>Yang bertanda tangan di bawah ini menerangkan bahwa telah lahir seorang bayi
       perempuan, anak ke-${family.members.length - 1}, dengan berat 3100 gram, dari ibu yang tercatat pada Kartu Keluarga
       ${family.familyCardNumber}.</p><p style="margin-top:60px;text-align:right">Bidan Jaga<br><br><br>( CONTOH — DATA SINTETIS )</p></body>`,
    );
    const letter = await scanner.page.screenshot({ type: 'png' });
    await scanner.context.close();

    const phone = await personAt(chromium.browser, stack.url, ANDROID_PHONE);
    await phone.page.goto('/daftar');
    await phone.page.getByLabel('NIK', { exact: true }).fill(`${head.nik.slice(0, 6)}32019900001`.slice(0, 16));
    await phone.page.getByLabel('NIK', { exact: true }).blur();
    await phone.page.getByLabel('No. KK').fill(family.familyCardNumber);
    await shoot(phone.page, 'ponsel-daftar');
    await registerResident(phone.page, head.nik, family.familyCardNumber, head.birthDate);
    await shoot(phone.page, 'ponsel-keluarga');

    await phone.page.getByRole('link', { name: 'Ajukan', exact: true }).click();
    await shoot(phone.page, 'ponsel-pilih-layanan');
    await phone.page.getByRole('link', { name: /Pencatatan kelahiran/ }).click();
    await phone.page.getByLabel('Nama lengkap anak').fill('Ayu Lestari');
    await phone.page.getByLabel('Tanggal lahir').fill('2099-01-01');
    await shoot(phone.page, 'ponsel-formulir-kelahiran');
    const number = await applyForBirth(
      phone.page,
      { name: 'Ayu Lestari', birthDate: daysAgo(5) },
      { name: 'surat-keterangan-lahir.png', mimeType: 'image/png', buffer: letter },
    );

    const clerk = await personAt(chromium.browser, stack.url, DESKTOP);
    await signIn(clerk.page, world.clerk.username, world.clerk.password);
    // A second application waiting in the queue, from the other family.
    const other = world.families[1];
    await request(stack.url)
      .post('/api/v1/auth/register')
      .send({
        nik: headOf(other).nik,
        familyCardNumber: other.familyCardNumber,
        birthDate: headOf(other).birthDate,
        password: RESIDENT_PASSWORD,
      });
    const otherToken = (
      await request(stack.url)
        .post('/api/v1/auth/login')
        .send({ username: headOf(other).nik, password: RESIDENT_PASSWORD })
    ).body.accessToken as string;
    await request(stack.url)
      .post('/api/v1/applications')
      .set('authorization', `Bearer ${otherToken}`)
      .send({ type: 'FAMILY_CARD_REPLACEMENT', familyCardNumber: other.familyCardNumber, reason: 'RUSAK' });
    await clerk.page.goto('/petugas');
    await clerk.page.getByRole('link', { name: number }).waitFor();
    await shoot(clerk.page, 'desktop-antrean');
    await openFromQueue(clerk.page, number);
    await clerk.page.locator('.evidence-frame img').waitFor();
    await shoot(clerk.page, 'desktop-pemeriksaan');
    await act(clerk.page, 'Verifikasi', 'Surat keterangan lahir sesuai');

    const official = await personAt(chromium.browser, stack.url, DESKTOP);
    await signIn(official.page, world.official.username, world.official.password);
    await openFromQueue(official.page, number);
    await official.page.getByRole('group', { name: 'Pilih tindakan' }).getByRole('button', { name: 'Setujui' }).click();
    await shoot(official.page, 'desktop-persetujuan', false);
    await official.page.getByRole('button', { name: 'Konfirmasi: Setujui' }).click();
    await official.page.locator('.alert-success').waitFor();

    await phone.page.reload();
    await phone.page.getByRole('button', { name: 'Unduh PDF Akta Kelahiran' }).waitFor({ timeout: 60_000 });
    await shoot(phone.page, 'ponsel-permohonan-diterbitkan');

    // The QR page of the first KK once the family's card has been reissued.
    // Signed in on a laptop too: Sesi aktif below lists it beside this phone.
    const residentToken = (
      await request(stack.url)
        .post('/api/v1/auth/login')
        .set('user-agent', WINDOWS_FIREFOX)
        .send({ username: head.nik, password: RESIDENT_PASSWORD })
    ).body.accessToken as string;
    const issued = await request(stack.url)
      .get('/api/v1/applications?status=ISSUED')
      .set('authorization', `Bearer ${residentToken}`);
    const kk = issued.body.items[0].documents.find((d: { kind: string }) => d.kind === 'KARTU_KELUARGA');
    const doc = (
      await request(stack.url).get(`/api/v1/documents/${kk.id}`).set('authorization', `Bearer ${residentToken}`)
    ).body;
    const visitor = await personAt(chromium.browser, stack.url, PHONE);
    await visitor.page.goto(new URL(doc.verificationUrl).pathname);
    await shoot(visitor.page, 'ponsel-verifikasi-qr');

    await phone.page.getByRole('link', { name: 'Riwayat akses data' }).click();
    await phone.page.locator('table, p:has-text("Belum ada")').first().waitFor();
    await shoot(phone.page, 'ponsel-riwayat-akses');

    await phone.page.getByRole('link', { name: 'Kata sandi' }).click();
    await phone.page.getByRole('heading', { name: 'Ubah kata sandi' }).waitFor();
    await shoot(phone.page, 'ponsel-ubah-kata-sandi');
    await phone.page.getByRole('link', { name: 'Sesi aktif' }).click();
    const sessions = phone.page.getByRole('list', { name: 'Sesi aktif' });
    await sessions.getByRole('heading', { name: 'Firefox di Windows' }).waitFor();
    await sessions.getByText('Perangkat ini', { exact: true }).waitFor();
    await shoot(phone.page, 'ponsel-sesi-aktif');

    // The official turns on the second factor: the QR code of a synthetic secret, then the recovery codes.
    await official.page.getByRole('link', { name: 'Verifikasi dua langkah' }).click();
    await official.page.getByRole('button', { name: 'Mulai aktifkan verifikasi dua langkah' }).click();
    await official.page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' }).waitFor();
    await shoot(official.page, 'desktop-verifikasi-dua-langkah');
    const secret = (await official.page.locator('code').first().textContent()) ?? '';
    await official.page.getByLabel('Kode verifikasi').fill(await generate({ secret }));
    await official.page.getByRole('button', { name: 'Aktifkan' }).click();
    await official.page.getByRole('heading', { name: 'Kode pemulihan' }).waitFor();
    await official.page.getByRole('button', { name: 'Saya sudah menyimpan kode pemulihan' }).click();
    // Signing in again now asks for the code after the password.
    const returning = await personAt(chromium.browser, stack.url, DESKTOP);
    await returning.page.goto('/masuk');
    await returning.page.getByLabel('NIK atau nama pengguna').fill(world.official.username);
    await returning.page.getByLabel('Kata sandi').fill(world.official.password);
    await returning.page.getByRole('button', { name: 'Masuk' }).click();
    await returning.page.getByLabel('Kode verifikasi').waitFor();
    await shoot(returning.page, 'desktop-masuk-kode-verifikasi', false);

    // A clerk who has left, disabled; two agencies, one of them checking NIKs today.
    const departed = await createStaff(stack.url, world.admin, {
      username: 'operator.lempuing',
      role: 'CLERK',
      regencyCode: '16.02',
      fullName: 'DEDI KURNIAWAN',
    });
    await request(stack.url)
      .post(`/api/v1/admin/staff/${departed}/disable`)
      .set('authorization', `Bearer ${world.admin}`)
      .expect(200);
    const bank = await createAgency(stack.url, world.admin, {
      name: 'BANK UJI NUSANTARA',
      allowedFields: ['fullName', 'birthDate'],
      requestsPerMinute: 12_000,
    });
    const insurer = await createAgency(stack.url, world.admin, {
      name: 'ASURANSI UJI SEJAHTERA',
      allowedFields: ['motherName'],
    });
    await request(stack.url)
      .post(`/api/v1/admin/agencies/${insurer.id}/suspend`)
      .set('authorization', `Bearer ${world.admin}`)
      .expect(200);
    const bankToken = await agencyToken(stack.url, bank);
    const [first, second] = family.members;
    await verify(stack.url, bankToken, verification(first.nik, { fullName: first.fullName })).expect(200);
    await verifyBatch(stack.url, bankToken, [verification(first.nik), verification(second.nik)]).expect(200);

    const admin = await personAt(chromium.browser, stack.url, DESKTOP);
    await signIn(admin.page, TEST_ADMIN.username, TEST_ADMIN.password);
    await admin.page.getByRole('row').filter({ hasText: 'operator.lempuing' }).waitFor();
    await admin.page
      .getByRole('row')
      .filter({ hasText: world.official.username })
      .getByRole('button', { name: 'Atur ulang verifikasi dua langkah' })
      .waitFor();
    await shoot(admin.page, 'desktop-petugas');
    await admin.page.getByRole('link', { name: 'Daftar lembaga' }).click();
    await admin.page.getByTestId('agency-usage').waitFor();
    await shoot(admin.page, 'desktop-lembaga');

    await admin.page.getByRole('link', { name: 'Impor data penduduk' }).click();
    const lines = residentsCsv(syntheticFamilies({ regencyCode: '16.02', families: 3, seed: 5 }))
      .trimEnd()
      .split('\n');
    lines[2] = lines[2].replace(/^(\d{6})\d{2}/, '$132');
    lines[4] = lines[4].replace(/,(LAKI_LAKI|PEREMPUAN),/, ',PRIA,');
    await admin.page.getByLabel('Berkas CSV').setInputFiles({
      name: 'penduduk.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${lines.join('\n')}\n`),
    });
    await admin.page.getByRole('button', { name: 'Impor' }).click();
    await admin.page.getByTestId('import-summary').waitFor();
    await shoot(admin.page, 'desktop-impor');

    await Promise.all([
      phone.context.close(),
      clerk.context.close(),
      official.context.close(),
      visitor.context.close(),
      returning.context.close(),
      admin.context.close(),
    ]);
  });
});
