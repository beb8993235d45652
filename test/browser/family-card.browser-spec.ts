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
import { adultChildOf, headOf, browserSuite } from './support/world.js';

jest.setTimeout(180_000);

// The three Kartu Keluarga forms, filled in the page by a resident as API.md "Details by type" describes them.
describe('Kartu Keluarga applications in headless Chromium', () => {
  const suite = browserSuite({ families: 2, splitFamilies: 1 });

  it('perubahan data: the head changes a member’s occupation and education, a clerk verifies, an official approves', async () => {
    const family = suite.world.families[0];
    const head = headOf(family);
    const occupation = head.occupation === 'WIRASWASTA' ? 'KARYAWAN SWASTA' : 'WIRASWASTA';
    const education = head.education === 'STRATA II' ? 'STRATA III' : 'STRATA II';
    const resident = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    await registerResident(resident.page, head.nik, family.familyCardNumber, head.birthDate);
    await openApplicationForm(resident.page, /Perubahan data Kartu Keluarga/);

    // Sending nothing to change is refused in the page.
    await resident.page.getByLabel('Alasan perubahan').fill('Pekerjaan dan pendidikan kepala keluarga berubah');
    await resident.page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await resident.page.getByText('Pilih sedikitnya satu perubahan.', { exact: true }).waitFor();

    const member = resident.page.locator('details.member-change').filter({ hasText: head.fullName });
    await member.locator('summary').click();
    await member.getByLabel(`Pekerjaan (sekarang: ${head.occupation})`).selectOption(occupation);
    await member.getByLabel(`Pendidikan (sekarang: ${head.education})`).selectOption(education);
    const number = await sendApplication(resident.page);
    expect(number).not.toBe('');
    expect(await myApplicationEntry(resident.page, number)).toEqual({
      type: 'Perubahan data Kartu Keluarga',
      status: 'Diajukan',
    });

    const clerk = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    await signIn(clerk.page, suite.world.clerk.username, suite.world.clerk.password);
    await openFromQueue(clerk.page, number);
    await clerk.page.getByText(occupation).first().waitFor();
    await act(clerk.page, 'Verifikasi', 'Perubahan sesuai surat keterangan kerja');
    await clerk.page.getByText('Diverifikasi').first().waitFor();

    const official = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    await signIn(official.page, suite.world.official.username, suite.world.official.password);
    await openFromQueue(official.page, number);
    await act(official.page, 'Setujui');

    for (let attempt = 0; attempt < 60; attempt++) {
      if ((await myApplicationEntry(resident.page, number)).status === 'Diterbitkan') break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(await myApplicationEntry(resident.page, number)).toEqual({
      type: 'Perubahan data Kartu Keluarga',
      status: 'Diterbitkan',
    });
    await Promise.all([resident.context.close(), clerk.context.close(), official.context.close()]);
  });

  it('KK hilang/rusak: a member asks for a reprint of a lost Kartu Keluarga', async () => {
    const family = suite.world.families[1];
    const head = headOf(family);
    const resident = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    await registerResident(resident.page, head.nik, family.familyCardNumber, head.birthDate);
    await openApplicationForm(resident.page, /Kartu Keluarga hilang\/rusak/);
    await resident.page.getByText(family.familyCardNumber).first().waitFor();

    // A reason is required.
    await resident.page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await resident.page.locator('.error-summary').getByText('Alasan wajib diisi', { exact: false }).waitFor();

    await resident.page.getByRole('radio', { name: 'Hilang' }).check();
    const number = await sendApplication(resident.page);
    expect(number).not.toBe('');
    expect(await myApplicationEntry(resident.page, number)).toEqual({
      type: 'Kartu Keluarga hilang/rusak',
      status: 'Diajukan',
    });
    await resident.context.close();
  });

  it('KK baru: a grown-up child forms a family of their own at a new address', async () => {
    const family = suite.world.splitFamilies[0];
    const child = adultChildOf(family);
    const resident = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    await registerResident(resident.page, child.nik, family.familyCardNumber, child.birthDate);
    await openApplicationForm(resident.page, /Kartu Keluarga baru/);

    // The applicant heads the new KK by default.
    expect(await resident.page.getByLabel('NIK kepala keluarga').inputValue()).toBe(child.nik);
    // A member row is added, then removed again.
    await resident.page.getByRole('button', { name: 'Tambah anggota' }).click();
    await resident.page.getByLabel('NIK anggota 2').fill(child.nik);
    await resident.page.getByText('NIK ini sudah tercantum.').waitFor();
    await resident.page.getByRole('button', { name: 'Hapus anggota 2' }).click();
    expect(await resident.page.getByLabel('NIK anggota 2').count()).toBe(0);

    await resident.page.getByLabel('Alamat (jalan, nomor, dusun)').fill('Jl. Merdeka No. 12, Dusun II');
    await resident.page.getByLabel('RT', { exact: true }).fill('004');
    await resident.page.getByLabel('RW', { exact: true }).fill('002');
    await resident.page.getByLabel('Kode pos').fill('30611');
    await resident.page.getByLabel('Kecamatan').selectOption('16.02.05');
    await resident.page.getByLabel('Desa/Kelurahan').selectOption({ label: 'Kayuagung' });
    await resident.page.getByLabel('Alasan pembuatan KK baru').fill('Membentuk keluarga sendiri setelah menikah');
    const number = await sendApplication(resident.page);
    expect(number).not.toBe('');
    expect(await myApplicationEntry(resident.page, number)).toEqual({
      type: 'Kartu Keluarga baru',
      status: 'Diajukan',
    });
    await resident.context.close();
  });
});
