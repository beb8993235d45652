import { describe, expect, it, jest } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { TEST_ADMIN } from '../factories/accounts.factory.js';
import { DESKTOP, personAt, PHONE, signIn } from './support/browser.js';
import { applyForBirth, openFromQueue, registerResident } from './support/pages.js';
import { daysAgo, headOf, browserSuite } from './support/world.js';

jest.setTimeout(180_000);

/** Every Content Security Policy complaint Chromium prints on this page. */
function cspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|apply|execute|frame|connect)/i.test(message.text())) {
      found.push(`${page.url()}: ${message.text()}`);
    }
  });
  return found;
}

/**
 * Issue #13: the Content Security Policy (frame-ancestors 'none', everything from the gateway
 * itself) must not break any page — the resident's, the staff console with the evidence shown
 * in the page, the admin's, the QR page and the API docs — while stopping a foreign page from
 * framing them.
 */
describe('the pages under the security headers, in headless Chromium', () => {
  const suite = browserSuite({ families: 1 });

  it('the public pages, the QR page and the API docs work without a CSP violation', async () => {
    const visitor = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    const violations = cspViolations(visitor.page);
    for (const path of ['/', '/masuk', '/daftar', '/cek-dokumen']) {
      await visitor.page.goto(path);
      await visitor.page.locator('h1').first().waitFor();
    }
    await visitor.page.goto('/verifikasi/AAAAAAAAAAAAAAAAAAAAAA');
    await visitor.page.getByText('DOKUMEN TIDAK DITEMUKAN').waitFor();
    // The QR page's own layout applies (its inline style is allowed by hash): main is centred.
    const maxWidth = await visitor.page.locator('main').evaluate((main) => getComputedStyle(main).maxWidth);
    expect(maxWidth).not.toBe('none');
    await visitor.page.goto('/api/docs');
    await visitor.page.locator('.swagger-ui .opblock').first().waitFor();
    expect(violations).toEqual([]);
    await visitor.context.close();
  });

  it('a resident applies with evidence and the clerk sees it in the page, without a CSP violation', async () => {
    const family = suite.world.families[0];
    const head = headOf(family);
    const resident = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    const residentViolations = cspViolations(resident.page);
    await registerResident(resident.page, head.nik, family.familyCardNumber, head.birthDate);
    const number = await applyForBirth(resident.page, { name: 'Citra Dewi', birthDate: daysAgo(6) });
    await resident.page.goto('/riwayat-akses');
    await resident.page.locator('h1').first().waitFor();

    const clerk = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    const clerkViolations = cspViolations(clerk.page);
    await signIn(clerk.page, suite.world.clerk.username, suite.world.clerk.password);
    await openFromQueue(clerk.page, number);
    await clerk.page.locator('.evidence-frame iframe').waitFor();

    const admin = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    const adminViolations = cspViolations(admin.page);
    await signIn(admin.page, TEST_ADMIN.username, TEST_ADMIN.password);
    for (const path of ['/admin/petugas', '/admin/impor', '/admin/lembaga', '/admin/dokumen']) {
      await admin.page.goto(path);
      await admin.page.locator('h1').first().waitFor();
    }
    expect([...residentViolations, ...clerkViolations, ...adminViolations]).toEqual([]);
    await Promise.all([resident.context.close(), clerk.context.close(), admin.context.close()]);
  });

  it('a foreign page cannot frame the staff console or the QR page', async () => {
    const attacker = await personAt(suite.chromium.browser, suite.stack.url, DESKTOP);
    const violations = cspViolations(attacker.page);
    // Another origin (127.0.0.1 on another port: same network, so only the headers decide)
    // framing the gateway's pages; the internal metrics port (no page, no headers) is the
    // control that shows framing itself works here.
    const page =
      `<iframe name="console" src="${suite.stack.url}/petugas"></iframe>` +
      `<iframe name="qr" src="${suite.stack.url}/verifikasi/AAAAAAAAAAAAAAAAAAAAAA"></iframe>` +
      `<iframe name="control" src="${suite.stack.metricsUrl}/metrics"></iframe>`;
    const server = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end(page),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await attacker.page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
    const text = async (name: string): Promise<string> => {
      const frame = attacker.page.frame({ name });
      if (frame === null) return '';
      return frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    };
    await expect(text('control')).resolves.toMatch(/http_request_duration_seconds/);
    await expect(text('console')).resolves.not.toMatch(/Masuk|Antrean|Disdukcapil/i);
    await expect(text('qr')).resolves.not.toMatch(/Verifikasi Dokumen|DOKUMEN/);
    expect(violations.some((v) => /frame-ancestors|X-Frame-Options/i.test(v))).toBe(true);
    await attacker.context.close();
    server.close();
  });
});
