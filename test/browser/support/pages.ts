import type { Locator, Page } from 'playwright-core';
import { RESIDENT_PASSWORD } from '../../factories/accounts.factory.js';
import { EVIDENCE_PDF } from './world.js';

// What people do on the pages, step by step, shared by the flow tests and the screenshots.

/** Registers through the page, as a resident on a phone would. */
export async function registerResident(
  page: Page,
  nik: string,
  familyCardNumber: string,
  birthDate: string,
): Promise<void> {
  await page.goto('/daftar');
  await page.getByLabel('NIK', { exact: true }).fill(nik);
  await page.getByLabel('No. KK').fill(familyCardNumber);
  await page.getByLabel('Tanggal lahir').fill(birthDate);
  await page.getByLabel('Kata sandi', { exact: true }).fill(RESIDENT_PASSWORD);
  await page.getByLabel('Ulangi kata sandi').fill(RESIDENT_PASSWORD);
  await page.getByRole('button', { name: 'Daftar' }).click();
  await page.getByRole('heading', { name: 'Keluarga saya' }).waitFor();
  await page.locator('.member-cards').waitFor();
}

/** Fills the birth report form and sends it with one evidence file; returns the application page's number. */
export async function applyForBirth(
  page: Page,
  child: {
    name: string;
    birthDate: string;
    sex?: 'LAKI_LAKI' | 'PEREMPUAN';
    /** `KEMBAR_2`, …; the form's default is TUNGGAL. */
    birthType?: string;
    birthOrder?: number;
    /** Leave the father out: the akta names the mother only. */
    motherOnly?: boolean;
  },
  evidence: { name: string; mimeType: string; buffer: Buffer } = {
    name: 'surat-keterangan-lahir.pdf',
    mimeType: 'application/pdf',
    buffer: EVIDENCE_PDF,
  },
): Promise<string> {
  await page.getByRole('link', { name: 'Ajukan', exact: true }).click();
  await page.getByRole('link', { name: /Pencatatan kelahiran/ }).click();
  await page.getByLabel('Nama lengkap anak').fill(child.name);
  await page.getByLabel('Jenis kelamin').selectOption(child.sex ?? 'PEREMPUAN');
  await page.getByLabel('Tanggal lahir').fill(child.birthDate);
  await page.getByLabel('Pukul (tidak wajib)').fill('08:15');
  await page.getByLabel('Tempat lahir (kota/kabupaten)').fill('Kayu Agung');
  await page.getByLabel('Tempat dilahirkan').selectOption('RUMAH_SAKIT');
  await page.getByLabel('Penolong kelahiran').selectOption('BIDAN');
  await page.getByLabel('Berat (gram)').fill('3100');
  if (child.birthType !== undefined) await page.getByLabel('Jenis kelahiran').selectOption(child.birthType);
  if (child.birthOrder !== undefined) await page.getByLabel('Anak ke-').fill(String(child.birthOrder));
  if (child.motherOnly) await page.getByLabel('Ayah (tidak wajib)').selectOption('');
  await page.getByLabel('Nomor surat keterangan lahir').fill('SKL/RSUD-KAG/2026/0412');
  await page.getByTestId('evidence-file').setInputFiles(evidence);
  await page.locator('.file-list').getByText(evidence.name, { exact: false }).first().waitFor();
  await page.getByRole('button', { name: 'Kirim permohonan' }).click();
  await page.getByText('Permohonan terkirim').waitFor();
  return (await page.getByTestId('application-number').textContent()) ?? '';
}

/** Opens the form of one service from "Ajukan", as a resident finds it. */
export async function openApplicationForm(page: Page, service: string | RegExp): Promise<void> {
  await page.getByRole('link', { name: 'Ajukan', exact: true }).click();
  await page.getByRole('link', { name: service }).click();
  await page.getByRole('button', { name: 'Kirim permohonan' }).waitFor();
}

/**
 * Sends the open form; returns the new application's number from the page it lands on. Without
 * any of the evidence the office expects, the page asks once more: the resident sends anyway.
 */
export async function sendApplication(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Kirim permohonan' }).click();
  const sent = page.getByText('Permohonan terkirim');
  const anyway = page.getByRole('button', { name: 'Tetap kirim tanpa berkas' });
  await sent.or(anyway).first().waitFor();
  if (await anyway.isVisible()) await anyway.click();
  await sent.waitFor();
  return (await page.getByTestId('application-number').textContent()) ?? '';
}

/** The entry of one application in "Permohonan saya": its type and its status as the list shows them. */
export async function myApplicationEntry(page: Page, number: string): Promise<{ type: string; status: string }> {
  await page.goto('/permohonan');
  const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: number }) });
  await entry.waitFor();
  return {
    type: ((await entry.locator('.application-type').textContent()) ?? '').trim(),
    status: ((await entry.locator('.badge').textContent()) ?? '').trim(),
  };
}

export async function openFromQueue(page: Page, number: string, status?: string): Promise<void> {
  const link = page.getByRole('link', { name: number });
  // The queue is read when the page opens: load it again if the application is not listed yet.
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.goto(status ? `/petugas?status=${status}` : '/petugas');
    if (
      await link.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      break;
  }
  await link.click();
  await page.getByRole('heading', { name: 'Pemeriksaan permohonan' }).waitFor();
}

export async function act(page: Page, action: string, reason?: string): Promise<void> {
  const confirm = await chooseAction(page, action);
  if (reason !== undefined) await page.getByRole('textbox').last().fill(reason);
  await confirm.click();
  await page.locator('.alert-success').waitFor();
}

/** Opens the panel of a staff action on the review page; gives its confirmation button. */
export async function chooseAction(page: Page, action: string): Promise<Locator> {
  const choice = page.getByRole('group', { name: 'Pilih tindakan' }).getByRole('button', { name: action });
  const confirm = page.getByRole('button', { name: `Konfirmasi: ${action}` });
  // The evidence above the panel may still be loading and move it while the click lands: click
  // again until the action is chosen.
  for (let attempt = 0; attempt < 5 && !(await confirm.isVisible()); attempt++) {
    await choice.click();
    await confirm.waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
  return confirm;
}
