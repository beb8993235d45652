/// <reference lib="dom" />
// The callbacks passed to page.evaluate run in the browser.
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { RESIDENT_PASSWORD } from '../factories/accounts.factory.js';
import { seriousViolations } from './support/axe.js';
import { personAt, PHONE } from './support/browser.js';
import { registerResident } from './support/pages.js';
import { headOf, browserSuite } from './support/world.js';

jest.setTimeout(240_000);

/**
 * The app's entry script held back until the test releases it: what a resident on a slow
 * connection has before it arrives (the HTML alone), and the hand-over when it does.
 */
async function holdAppScript(page: Page): Promise<{ release: () => void; requested: Promise<void> }> {
  let release!: () => void;
  let requested!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const asked = new Promise<void>((resolve) => (requested = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    requested();
    await gate;
    await route.continue();
  });
  return { release, requested: asked };
}

/** Refused inline blocks and other CSP reports the page logs. */
function cspReports(page: Page): string[] {
  const reports: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reports.push(message.text());
  });
  return reports;
}

const takenOver = (page: Page): Promise<unknown> =>
  page.waitForFunction(() => !document.getElementById('root')?.hasAttribute('data-first-screen'));

describe('the first screen in the HTML (index.html), before and after the app script', () => {
  const suite = browserSuite({ families: 1 });

  beforeAll(async () => {
    const setup = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    const head = headOf(suite.world.families[0]);
    await registerResident(setup.page, head.nik, suite.world.families[0].familyCardNumber, head.birthDate);
    await setup.context.close();
  });

  it('the login form is styled, labelled and takes typing from the HTML alone, within the page policy', async () => {
    const { page, context } = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    const reports = cspReports(page);
    const script = await holdAppScript(page);
    await page.goto('/masuk', { waitUntil: 'commit' });
    await script.requested;
    const nik = page.getByLabel('NIK atau nama pengguna');
    await nik.fill('3201010101900001');
    expect(await nik.inputValue()).toBe('3201010101900001');
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    // The inline style sheet applies (allowed by its hash): the button wears the primary colour.
    const button = page.getByRole('button', { name: 'Masuk' });
    const look = await button.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(look).not.toBe('rgba(0, 0, 0, 0)');
    expect(look).not.toBe('rgb(239, 239, 239)');
    expect((await button.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    // Only the page itself was needed: the script is still held, and nothing else was asked for first.
    expect(await page.evaluate(() => document.getElementById('root')?.getAttribute('data-first-screen'))).toBe('masuk');
    expect(await seriousViolations(page)).toEqual([]);
    expect(reports).toEqual([]);
    script.release();
    await takenOver(page);
    expect(reports).toEqual([]);
    await context.close();
  });

  it('the app takes over what was typed and where the cursor was, without moving anything', async () => {
    const { page, context } = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    const head = headOf(suite.world.families[0]);
    const script = await holdAppScript(page);
    await page.goto('/masuk', { waitUntil: 'commit' });
    await script.requested;
    await page.getByLabel('NIK atau nama pengguna').fill(head.nik);
    const password = page.getByLabel('Kata sandi');
    await password.click();
    await page.keyboard.type(RESIDENT_PASSWORD.slice(0, 4));
    const before = await page.getByRole('button', { name: 'Masuk' }).boundingBox();
    const fieldBefore = await password.boundingBox();

    script.release();
    await takenOver(page);
    // Same place on screen, same values, the cursor still in the password field.
    expect(await page.getByRole('button', { name: 'Masuk' }).boundingBox()).toEqual(before);
    expect(await password.boundingBox()).toEqual(fieldBefore);
    expect(await page.getByLabel('NIK atau nama pengguna').inputValue()).toBe(head.nik);
    expect(await password.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type(RESIDENT_PASSWORD.slice(4));
    expect(await password.inputValue()).toBe(RESIDENT_PASSWORD);
    // The app owns the form now: its own check answers an emptied field.
    await page.getByLabel('NIK atau nama pengguna').fill('');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.locator('.error-summary').waitFor();
    await page.getByLabel('NIK atau nama pengguna').fill(head.nik);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Keluarga saya' }).waitFor();
    await context.close();
  });

  it('a press on Masuk before the script arrives is kept, never sent by the browser, and completed', async () => {
    const { page, context } = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    const head = headOf(suite.world.families[0]);
    const script = await holdAppScript(page);
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    await page.goto('/masuk?lanjut=%2Fpermohonan', { waitUntil: 'commit' });
    await page.getByLabel('NIK atau nama pengguna').fill(head.nik);
    await page.getByLabel('Kata sandi').fill(RESIDENT_PASSWORD);
    await page.getByLabel('Kata sandi').press('Enter');
    await page.getByRole('button', { name: 'Memproses…' }).waitFor();
    // The browser did not send the form itself (that would put the password in the address).
    expect(page.url()).toBe(`${suite.stack.url}/masuk?lanjut=%2Fpermohonan`);
    expect(navigations).toHaveLength(1);

    script.release();
    await page.getByRole('heading', { name: 'Permohonan saya' }).waitFor();
    expect(navigations.join(' ')).not.toContain(RESIDENT_PASSWORD);
    await context.close();
  });

  it('an empty press before the script arrives ends in the app’s error summary, not a lost press', async () => {
    const { page, context } = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    const script = await holdAppScript(page);
    await page.goto('/masuk', { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Masuk' }).click();
    script.release();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').textContent()).toContain('NIK atau nama pengguna wajib diisi');
    await context.close();
  });

  it('the landing page is in the HTML too; a signed-in resident never sees it flash at /', async () => {
    const { page, context } = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    const script = await holdAppScript(page);
    await page.goto('/', { waitUntil: 'commit' });
    await page.getByText('Urus dokumen kependudukan dari rumah', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Daftar', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    script.release();
    await takenOver(page);
    await page.getByRole('link', { name: 'Masuk', exact: true }).click();
    const head = headOf(suite.world.families[0]);
    await page.getByLabel('NIK atau nama pengguna').fill(head.nik);
    await page.getByLabel('Kata sandi').fill(RESIDENT_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Keluarga saya' }).waitFor();

    // Signed in (the session is in this tab's storage): `/` must not draw the landing page first.
    const again = await holdAppScript(page);
    await page.goto('/', { waitUntil: 'commit' });
    await again.requested;
    const seen = await page.evaluate(() => document.getElementById('root')?.getAttribute('data-first-screen') ?? null);
    expect(await page.getByText('Urus dokumen kependudukan dari rumah', { exact: false }).count()).toBe(0);
    again.release();
    await page.getByRole('heading', { name: 'Keluarga saya' }).waitFor();
    expect(seen).toBeNull();
    await context.close();
  });

  it('other addresses keep the plain boot text until the app draws them', async () => {
    const { page, context } = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    const script = await holdAppScript(page);
    await page.goto('/daftar', { waitUntil: 'commit' });
    await script.requested;
    expect(await page.locator('#root').textContent()).toBe('Memuat…');
    script.release();
    await page.getByRole('heading', { name: 'Daftar akun penduduk' }).waitFor();
    await context.close();
  });
});
