import { describe, expect, it } from '@jest/globals';
import { login, STAFF_PASSWORD, TEST_ADMIN } from '../factories/accounts.factory.js';
import { residentsCsv, syntheticFamilies } from '../factories/registry.factory.js';
import { DESKTOP, personAt, signIn } from './support/browser.js';
import { browserSuite } from './support/world.js';

describe('admin pages in headless Chromium', () => {
  const suite = browserSuite();

  it('imports the registry from a CSV and lists the rejected rows with their reasons', async () => {
    const families = syntheticFamilies({ regencyCode: '16.02', families: 2, seed: 77 });
    const lines = residentsCsv(families).trimEnd().split('\n');
    // Line 3 gets a NIK with a day of birth no calendar has.
    const columns = lines[2].split(',');
    columns[0] = `${columns[0].slice(0, 6)}32${columns[0].slice(8)}`;
    lines[2] = columns.join(',');
    const persons = lines.length - 1;

    const { page, context } = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password);
    await page.getByRole('link', { name: 'Impor data penduduk' }).click();
    await page.getByLabel('Berkas CSV').setInputFiles({
      name: 'penduduk.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${lines.join('\n')}\n`),
    });
    await page.getByRole('button', { name: 'Impor' }).click();
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toBe(
      `${persons - 1} baru, 0 diperbarui, 1 ditolak.`,
    );
    await page.getByRole('cell', { name: '3', exact: true }).waitFor();
    await context.close();
  });

  it('creates a staff account who can then sign in', async () => {
    const { page, context } = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password);
    await page.getByLabel('Nama pengguna').fill('verifikator.baru');
    await page.getByLabel('Nama lengkap dan gelar').fill('SITI AMINAH, S.Kom.');
    await page.getByLabel('NIP').fill('198501012010012001');
    await page.getByLabel('Peran').selectOption('CLERK');
    await page.getByLabel('Kode kabupaten/kota').fill('16.02');
    await page.getByLabel('Kata sandi awal').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await page.getByText('Akun verifikator.baru (Operator/verifikator) dibuat.').waitFor();
    expect(await login(suite.stack.url, 'verifikator.baru', STAFF_PASSWORD)).toEqual(expect.any(String));
    await context.close();
  });
});
