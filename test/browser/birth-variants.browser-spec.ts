import { describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { DESKTOP, personAt, PHONE, signIn } from './support/browser.js';
import { act, applyForBirth, openFromQueue, registerResident } from './support/pages.js';
import { daysAgo, headOf, browserSuite } from './support/world.js';

jest.setTimeout(300_000);

/**
 * Issue #14 in the pages: a birth with the mother only and twins, reported by a resident, verified
 * by a clerk who sees the evidence the rules expect, approved, and the akta's sentence read back.
 */
describe('birth reports of DOMAIN.md "Parents on the birth record" and twins, in Chromium', () => {
  const suite = browserSuite({ families: 2 });

  /** Clerk verifies (after reading the expected evidence), official approves. */
  async function verifyAndApprove(number: string, expectedEvidence: RegExp): Promise<void> {
    const clerk = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    await signIn(clerk.page, suite.world.clerk.username, suite.world.clerk.password);
    await openFromQueue(clerk.page, number);
    await clerk.page
      .getByRole('list', { name: 'Berkas yang diperlukan' })
      .getByText(expectedEvidence)
      .first()
      .waitFor();
    await act(clerk.page, 'Verifikasi', 'Berkas lengkap');
    await clerk.page.getByText('Diverifikasi').first().waitFor();
    const official = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    await signIn(official.page, suite.world.official.username, suite.world.official.password);
    await openFromQueue(official.page, number);
    await act(official.page, 'Setujui');
    await Promise.all([clerk.context.close(), official.context.close()]);
  }

  /**
   * On the resident's application page, once approved: waits until ISSUED (the page looks again
   * every 3 s while APPROVED), downloads the akta and reads its text. (A loop of reloads that
   * checked for "Diterbitkan" at once, before the reloaded page had its data, never saw it and
   * always ran its 60 rounds: 76 s per akta, six minutes of every CI run.)
   */
  async function aktaSentence(page: Page): Promise<string> {
    await page.reload();
    const button = page.getByRole('button', { name: 'Unduh PDF Akta Kelahiran' });
    await button.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const file = await download.path();
    return spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  }

  it('a birth with the mother only goes to ISSUED and the akta says "dari ibu …"', async () => {
    const family = suite.world.families[0];
    const head = headOf(family);
    const mother = family.members.find((m) => m.relationship === 'ISTRI')!;
    const resident = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    await registerResident(resident.page, head.nik, family.familyCardNumber, head.birthDate);
    await resident.page.getByText(family.familyCardNumber).first().waitFor();
    const number = await applyForBirth(resident.page, {
      name: 'Bintang Sari Permata',
      birthDate: daysAgo(6),
      motherOnly: true,
    });
    await verifyAndApprove(number, /Surat keterangan lahir diperlukan/);
    const sentence = await aktaSentence(resident.page);
    expect(sentence).toMatch(/Berdasarkan Akta Kelahiran Nomor 1602-LU-\d{8}-\d{4} bahwa di KAYU AGUNG/);
    expect(sentence).toMatch(
      new RegExp(`telah lahir BINTANG SARI PERMATA anak ke-[A-Z ]+, PEREMPUAN dari ibu ${mother.fullName}`),
    );
    expect(sentence).not.toContain('ayah');
    await resident.context.close();
  });

  it('twins PUTRA and PUTRI ANDIKA, both the same child of the mother, go to ISSUED', async () => {
    const family = suite.world.families[1];
    const head = headOf(family);
    const mother = family.members.find((m) => m.relationship === 'ISTRI')!;
    const order =
      family.members.filter((m) => m.relationship === 'ANAK' && m.motherName === mother.fullName).length + 1;
    const resident = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    await registerResident(resident.page, head.nik, family.familyCardNumber, head.birthDate);
    await resident.page.getByText(family.familyCardNumber).first().waitFor();
    const birthDate = daysAgo(8);
    const numbers: string[] = [];
    for (const [name, sex] of [
      ['Putra Andika', 'LAKI_LAKI'],
      ['Putri Andika', 'PEREMPUAN'],
    ] as const) {
      await resident.page.goto('/');
      numbers.push(
        await applyForBirth(resident.page, { name, sex, birthDate, birthType: 'KEMBAR_2', birthOrder: order }),
      );
    }
    const sentences: string[] = [];
    for (const number of numbers) {
      await verifyAndApprove(number, /buku nikah|SPTJM kebenaran sebagai pasangan/i);
      await resident.page.goto('/permohonan');
      await resident.page.getByRole('link', { name: number }).click();
      sentences.push(await aktaSentence(resident.page));
    }
    expect(sentences[0]).toMatch(/telah lahir PUTRA ANDIKA anak ke-[A-Z ]+, LAKI-LAKI dari ayah/);
    expect(sentences[1]).toMatch(/telah lahir PUTRI ANDIKA anak ke-[A-Z ]+, PEREMPUAN dari ayah/);
    // Both the same order of birth.
    const orderOf = (sentence: string) => /anak ke-([A-Z ]+),/.exec(sentence)?.[1];
    expect(orderOf(sentences[0])).toBe(orderOf(sentences[1]));
    expect(sentences[0]).toContain(`dari ayah ${head.fullName} dan ibu ${mother.fullName}`);
    await resident.context.close();
  });
});
