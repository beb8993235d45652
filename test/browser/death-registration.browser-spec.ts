import { describe, expect, it, jest } from '@jest/globals';
import { DESKTOP, personAt, PHONE, signIn } from './support/browser.js';
import {
  act,
  myApplicationEntry,
  openApplicationForm,
  openFromQueue,
  registerResident,
  sendApplication,
} from './support/pages.js';
import { daysAgo, EVIDENCE_PDF, headOf, browserSuite } from './support/world.js';

jest.setTimeout(180_000);

// Pencatatan kematian in the page: the wife reports her husband's death and names herself head
// of the family; a clerk verifies on the review page, an official approves, and it is issued.
describe('death registration in headless Chromium', () => {
  const suite = browserSuite({ families: 1 });

  it('the resident files the report, the clerk verifies, the official approves, the resident sees it issued', async () => {
    const family = suite.world.families[0];
    const head = headOf(family);
    const wife = family.members.find((m) => m.relationship === 'ISTRI')!;
    const resident = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    await registerResident(resident.page, wife.nik, family.familyCardNumber, wife.birthDate);
    await openApplicationForm(resident.page, /Pencatatan kematian/);
    const page = resident.page;

    // Nothing chosen yet: the page says what is missing, and asks for no new head.
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.getByText('Pilih anggota keluarga yang meninggal.', { exact: true }).waitFor();
    expect(await page.getByLabel('Kepala keluarga baru').count()).toBe(0);

    // The head died: the page now asks who heads the family, offering grown-ups only.
    await page.getByLabel('Nama anggota keluarga').selectOption(head.nik);
    const newHead = page.getByLabel('Kepala keluarga baru');
    await newHead.waitFor();
    const offered = (
      await newHead
        .locator('option')
        .evaluateAll((options) => options.map((option) => option.getAttribute('value') ?? ''))
    ).filter((value) => value !== '');
    expect(offered).toContain(wife.nik);
    expect(offered).not.toContain(head.nik);
    await newHead.selectOption(wife.nik);

    await page.getByLabel('Tanggal meninggal').fill(daysAgo(2));
    await page.getByLabel('Pukul (tidak wajib)').fill('04:30');
    await page.getByLabel('Tempat meninggal (kota/kabupaten)').fill('Kayuagung');
    await page.getByLabel('Sebab kematian').selectOption('SAKIT_BIASA');
    await page.getByLabel('Yang menerangkan').selectOption('DOKTER');
    await page.getByLabel('Nomor surat keterangan kematian').fill('SKK/RSUD-KAG/2026/0117');
    const evidence = { name: 'surat-keterangan-kematian.pdf', mimeType: 'application/pdf', buffer: EVIDENCE_PDF };
    await page.getByTestId('evidence-file').setInputFiles(evidence);
    await page.locator('.file-list').getByText(evidence.name, { exact: false }).first().waitFor();
    const number = await sendApplication(page);
    expect(number).not.toBe('');
    expect(await myApplicationEntry(page, number)).toEqual({
      type: 'Pencatatan kematian (Akta Kematian)',
      status: 'Diajukan',
    });

    const clerk = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    await signIn(clerk.page, suite.world.clerk.username, suite.world.clerk.password);
    await openFromQueue(clerk.page, number);
    await clerk.page.getByText('Sakit biasa/tua').first().waitFor();
    await clerk.page.getByText('SKK/RSUD-KAG/2026/0117').first().waitFor();
    await act(clerk.page, 'Verifikasi', 'Sesuai surat keterangan kematian rumah sakit');
    await clerk.page.getByText('Diverifikasi').first().waitFor();

    const official = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    await signIn(official.page, suite.world.official.username, suite.world.official.password);
    await openFromQueue(official.page, number);
    await act(official.page, 'Setujui');

    for (let attempt = 0; attempt < 60; attempt++) {
      if ((await myApplicationEntry(page, number)).status === 'Diterbitkan') break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(await myApplicationEntry(page, number)).toEqual({
      type: 'Pencatatan kematian (Akta Kematian)',
      status: 'Diterbitkan',
    });
    await page.getByRole('link', { name: number }).click();
    await page.getByRole('button', { name: 'Unduh PDF Akta Kematian' }).waitFor();
    await page.getByRole('button', { name: 'Unduh PDF Kartu Keluarga' }).waitFor();
    await Promise.all([resident.context.close(), clerk.context.close(), official.context.close()]);
  });
});
