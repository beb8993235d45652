/// <reference lib="dom" />
// The callbacks passed to page.evaluate run in the browser.
import { describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { formatIndonesianDate, regionLocalDate, verificationCodeOf } from '#lib/domain';
import { RESIDENT_PASSWORD, TEST_ADMIN } from '../factories/accounts.factory.js';
import { seriousViolations, smallTapTargets } from './support/axe.js';
import { DESKTOP, personAt, PHONE, signIn } from './support/browser.js';
import { act, applyForBirth, openApplicationForm, openFromQueue, registerResident } from './support/pages.js';
import { daysAgo, headOf, browserSuite } from './support/world.js';

jest.setTimeout(240_000);

/** Issue #17, point by point: what a first-time resident on a phone and staff at a desk meet. */
describe('pages a resident and staff use without help', () => {
  const suite = browserSuite({ families: 2 });
  /** Every kind of page visited, with its serious or critical axe violations. */
  const axeFindings: Record<string, string[]> = {};
  const audit = async (page: Page, name: string): Promise<void> => {
    axeFindings[name] = await seriousViolations(page);
  };

  it('public pages: a landing page with Masuk and Daftar; login and registration errors summed up, in Indonesian, under their field', async () => {
    const { page, context } = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    await page.goto('/');
    await page.getByText('Urus dokumen kependudukan dari rumah', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Masuk', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Daftar', exact: true }).waitFor();
    await audit(page, 'public: landing');
    // The footer explains the service's words on a page of their own.
    await page.getByRole('contentinfo').getByRole('link', { name: 'Istilah' }).click();
    await page.getByRole('heading', { name: 'Istilah' }).waitFor();
    await page.getByText('Surat Pernyataan Tanggung Jawab Mutlak').waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/adminduk|database|empat mata/i);
    await audit(page, 'public: glossary');
    await page.goto('/');

    await page.getByRole('link', { name: 'Masuk', exact: true }).click();
    await page.getByRole('button', { name: 'Masuk' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain('NIK atau nama pengguna wajib diisi');
    expect(await summary.textContent()).not.toMatch(/username|password/);
    expect(await page.getByLabel('NIK atau nama pengguna').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[role=alert]').count()).toBe(0);
    await audit(page, 'public: login with errors');

    // A NIK without an account is pointed to registration.
    await page.getByLabel('NIK atau nama pengguna').fill(headOf(suite.world.families[1]).nik);
    await page.getByLabel('Kata sandi').fill('bukan-kata-sandinya');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Daftar sebagai penduduk' }).waitFor();

    // A birth date that does not match the NIK is reported under the date, not the NIK.
    const head = headOf(suite.world.families[1]);
    await page.goto('/daftar');
    await page.getByLabel('NIK', { exact: true }).fill(head.nik);
    await page.getByLabel('No. KK').fill(suite.world.families[1].familyCardNumber);
    await page.getByLabel('Tanggal lahir').fill('1999-12-31');
    await page.getByLabel('Kata sandi', { exact: true }).fill(RESIDENT_PASSWORD);
    await page.getByLabel('Ulangi kata sandi').fill(RESIDENT_PASSWORD);
    await page.getByRole('button', { name: 'Daftar' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.getByLabel('Tanggal lahir').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('NIK', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await page.locator('.error-summary a').first().click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('birthDate');
    await audit(page, 'public: registration with errors');
    await context.close();
  });

  it('a phone: the menu shows every entry, targets are 44 px, the form sums up its errors and asks before sending without evidence', async () => {
    const family = suite.world.families[1];
    const head = headOf(family);
    const { page, context } = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    await registerResident(page, head.nik, family.familyCardNumber, head.birthDate);
    // The resident's name, not the NIK, in the header.
    await page.locator('.account-name').getByText(head.fullName).waitFor();
    const overflow = await page.locator('.main-nav ul').evaluate((list) => list.scrollWidth - list.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const entry of ['Keluarga saya', 'Permohonan saya', 'Ajukan', 'Riwayat akses data']) {
      const box = await page.getByRole('navigation').getByRole('link', { name: entry, exact: true }).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await smallTapTargets(page)).toEqual([]);
    // Options read as a sentence (the PDF keeps the official capitals): "Kepala keluarga", "Islam".
    const roles = await page.locator('.member-role').allTextContents();
    expect(roles).toContain('Kepala keluarga');
    expect(roles.filter((role) => role === role.toUpperCase())).toEqual([]);
    await audit(page, 'resident: family');

    // An empty birth report: one summary on top takes focus and links to each field.
    await openApplicationForm(page, /Pencatatan kelahiran/);
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.locator('a').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('[role=alert]').count()).toBe(0);
    await summary.getByRole('link', { name: /Nama lengkap anak/ }).click();
    expect(await page.evaluate(() => document.activeElement?.closest('.field')?.textContent)).toContain(
      'Nama lengkap anak',
    );
    // One witness only: the error is under the empty one, saying what to do.
    await page.getByLabel('NIK saksi 1').fill(head.nik);
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.getByText('Isi juga NIK saksi kedua, atau kosongkan kedua NIK saksi.').first().waitFor();
    expect(await page.getByLabel('NIK saksi 1').getAttribute('aria-invalid')).toBeNull();
    // The sticky send bar leaves the evidence buttons uncovered.
    await page.getByText('Pilih berkas').scrollIntoViewIfNeeded();
    const bar = await page.locator('.form-actions').boundingBox();
    const choose = await page.locator('label', { hasText: 'Ambil foto' }).boundingBox();
    expect(bar && choose && choose.y + choose.height <= bar.y + 1).toBe(true);
    expect(await smallTapTargets(page)).toEqual([]);
    await audit(page, 'resident: form with errors');

    // A KK replacement without evidence: the expected papers are listed, and sending asks first.
    await openApplicationForm(page, /Kartu Keluarga hilang\/rusak/);
    await page.getByText('Surat keterangan kehilangan dari kepolisian, bila KK hilang').waitFor();
    await page.getByRole('radio', { name: 'Hilang' }).check();
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    const anyway = page.getByRole('button', { name: 'Tetap kirim tanpa berkas' });
    await anyway.waitFor();
    expect(await page.getByText('Permohonan terkirim').count()).toBe(0);
    await audit(page, 'resident: missing-evidence confirmation');
    await anyway.click();
    await page.getByText('Permohonan terkirim').waitFor();
    expect(await smallTapTargets(page)).toEqual([]);
    await audit(page, 'resident: application');
    await context.close();
  });

  it('a clerk finds an application by name and leaves an internal note; the official sees it turn Diterbitkan; the resident never reads the note; the printed code checks the document', async () => {
    const family = suite.world.families[0];
    const head = headOf(family);
    const resident = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    await registerResident(resident.page, head.nik, family.familyCardNumber, head.birthDate);
    const number = await applyForBirth(resident.page, { name: 'Dewi Anggraini', birthDate: daysAgo(3) });

    const clerk = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    await signIn(clerk.page, suite.world.clerk.username, suite.world.clerk.password);
    await clerk.page.goto('/petugas');
    // j/k work from page load, with no click into the table first.
    await clerk.page.locator('.queue-link').first().waitFor();
    await clerk.page.keyboard.press('j');
    expect(await clerk.page.evaluate(() => document.activeElement?.classList.contains('queue-link'))).toBe(true);
    await audit(clerk.page, 'staff: queue');
    // Search by part of the applicant's name, in lower case; the row shows the name.
    const part = head.fullName.split(' ')[0].toLowerCase();
    await clerk.page.getByLabel('Cari nomor permohonan atau nama pemohon').fill(part);
    await clerk.page.getByRole('button', { name: 'Cari', exact: true }).click();
    const row = clerk.page.getByRole('row').filter({ has: clerk.page.getByRole('link', { name: number }) });
    await row.getByText(head.fullName).waitFor();
    // And by the start of the application number.
    await clerk.page.getByLabel('Cari nomor permohonan atau nama pemohon').fill(number.slice(0, 12));
    await clerk.page.getByRole('button', { name: 'Cari', exact: true }).click();
    await clerk.page.waitForURL(/cari=/);
    await row.waitFor();
    await clerk.page.getByLabel('Cari nomor permohonan atau nama pemohon').fill('tidak-ada-nama-ini');
    await clerk.page.getByRole('button', { name: 'Cari', exact: true }).click();
    await clerk.page.getByText('Tidak ada permohonan dengan saringan ini.').waitFor();

    await openFromQueue(clerk.page, number);
    await clerk.page.getByRole('heading', { name: 'Berkas yang diperlukan' }).waitFor();
    // One list: each expected kind with its file, or "belum dilampirkan"; no second list of the same.
    const evidence = clerk.page.getByRole('list', { name: 'Berkas yang diperlukan' });
    const letter = evidence.getByRole('listitem').filter({ hasText: /^Surat keterangan lahir/ });
    await letter.getByRole('button', { name: /surat-keterangan-lahir\.pdf/ }).waitFor();
    expect(await letter.getByText('belum dilampirkan').count()).toBe(0);
    const marriage = evidence.getByRole('listitem').filter({ hasText: /^Buku nikah/ });
    await marriage.getByText('belum dilampirkan').waitFor();
    expect(await clerk.page.getByRole('heading', { name: 'Berkas yang diperlukan' }).count()).toBe(1);
    expect(await clerk.page.getByRole('list', { name: 'Lampiran lain' }).count()).toBe(0);
    // The registry table scrolls by keyboard if it must: it is a focusable region.
    expect(await clerk.page.getByRole('region', { name: 'Tabel data kependudukan' }).getAttribute('tabindex')).toBe(
      '0',
    );
    // At 1366 × 900 every column of the registry table is on screen: nothing scrolls sideways,
    // and every header cell lies inside its table's visible box and the window.
    await clerk.page.locator('table.registry th').first().waitFor();
    const clipped = await clerk.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.table-wrap')].flatMap((wrap) => {
        const box = wrap.getBoundingClientRect();
        const problems =
          wrap.scrollWidth > wrap.clientWidth + 1 ? [`scrolls: ${wrap.scrollWidth} > ${wrap.clientWidth}`] : [];
        for (const cell of wrap.querySelectorAll<HTMLElement>('th')) {
          const edge = cell.getBoundingClientRect();
          if (edge.left < box.left - 1 || edge.right > box.right + 1 || edge.right > window.innerWidth)
            problems.push(
              `${cell.textContent}: ${Math.round(edge.left)}–${Math.round(edge.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`,
            );
        }
        return problems;
      }),
    );
    expect(clipped).toEqual([]);
    expect(await clerk.page.locator('table.registry th').allTextContents()).toEqual(
      expect.arrayContaining(['Tgl lahir', 'Status']),
    );
    await audit(clerk.page, 'staff: review');
    await act(clerk.page, 'Verifikasi', 'Catatan rahasia: cek ulang surat bidan');
    // Focus lands on the confirmation, not on the page body.
    // The confirmation renders (and takes focus) a moment after the answer arrives: wait for it.
    await clerk.page.waitForFunction(() => document.activeElement?.classList.contains('alert-success') === true, null, {
      timeout: 10_000,
    });

    const official = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    await signIn(official.page, suite.world.official.username, suite.world.official.password);
    await openFromQueue(official.page, number);
    await official.page.getByText('Catatan rahasia: cek ulang surat bidan').waitFor();
    await act(official.page, 'Setujui');
    // No reload: the page follows the application until its documents exist.
    await official.page.getByTestId('review-status').getByText('Diterbitkan').waitFor({ timeout: 60_000 });

    await resident.page.goto('/permohonan');
    await resident.page.getByRole('link', { name: number }).click();
    await resident.page.getByText('Diterbitkan').first().waitFor({ timeout: 60_000 });
    expect(await resident.page.getByText('Catatan rahasia').count()).toBe(0);
    // The app's times are the regency's, with their zone.
    await resident.page.locator('.timeline time').first().getByText(/WIB$/).waitFor();
    await audit(resident.page, 'resident: issued application');

    // The printed code, typed with spaces and in lower case, checks the document.
    const token = (
      await request(suite.stack.url)
        .post('/api/v1/auth/login')
        .send({ username: head.nik, password: RESIDENT_PASSWORD })
    ).body.accessToken as string;
    const mine = await request(suite.stack.url)
      .get('/api/v1/applications?status=ISSUED')
      .set('authorization', `Bearer ${token}`);
    const akta = mine.body.items
      .find((item: { number: string }) => item.number === number)
      .documents.find((document: { kind: string }) => document.kind === 'AKTA_KELAHIRAN');
    const issuedDocument = (
      await request(suite.stack.url).get(`/api/v1/documents/${akta.id}`).set('authorization', `Bearer ${token}`)
    ).body as { verificationUrl: string; issuedAt: string; number: string };
    const verificationToken = issuedDocument.verificationUrl.split('/').pop() as string;
    const code = verificationCodeOf(verificationToken) as string;
    const visitor = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    await visitor.page.goto('/cek-dokumen');
    await visitor.page.getByRole('button', { name: 'Periksa' }).click();
    await visitor.page.getByText('Masukkan kode verifikasi', { exact: false }).first().waitFor();
    await visitor.page.getByLabel('Kode verifikasi').fill(issuedDocument.number);
    await visitor.page.getByRole('button', { name: 'Periksa' }).click();
    await visitor.page.getByText('Ini bukan kode verifikasi', { exact: false }).first().waitFor();
    await visitor.page.getByLabel('Kode verifikasi').fill(code.toLowerCase().replace(/-/g, ' '));
    await visitor.page.getByRole('button', { name: 'Periksa' }).click();
    await visitor.page.getByRole('heading', { name: 'DOKUMEN SAH' }).waitFor();
    await visitor.page.getByText(issuedDocument.number).waitFor();
    await audit(visitor.page, 'public: check page');

    // The verification page dates the document by the regency's clock (WIB), as the PDF does.
    const wib = formatIndonesianDate(regionLocalDate('16.02', Date.parse(issuedDocument.issuedAt)), 'long');
    await visitor.page.goto(`/verifikasi/${verificationToken}`);
    await visitor.page.getByText(wib).waitFor();
    await audit(visitor.page, 'public: verification page');
    await Promise.all([
      resident.context.close(),
      clerk.context.close(),
      official.context.close(),
      visitor.context.close(),
    ]);
  });

  it('admin pages', async () => {
    const { page, context } = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password);
    for (const [path, title] of [
      ['/admin/petugas', 'Akun petugas'],
      ['/admin/impor', 'Impor data penduduk'],
      ['/admin/lembaga', 'Lembaga pengguna'],
      ['/admin/dokumen', 'Cabut dokumen'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await audit(page, `admin: ${title}`);
    }
    await context.close();
  });

  it('axe-core finds no serious or critical violation on any page kind', () => {
    expect(Object.keys(axeFindings).length).toBeGreaterThanOrEqual(12);
    for (const kind of ['resident', 'staff', 'admin', 'public'])
      expect(Object.keys(axeFindings).some((name) => name.startsWith(`${kind}:`))).toBe(true);
    expect(Object.fromEntries(Object.entries(axeFindings).filter(([, found]) => found.length > 0))).toEqual({});
  });
});
