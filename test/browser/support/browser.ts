import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildOnce, newestUnder } from '../../support/build-once.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const WEB_INDEX = path.join(ROOT, 'dist/web/index.html');
const SOURCES = [path.join(ROOT, 'apps/web'), path.join(ROOT, 'libs/domain/src')];

/** Debian's Chromium (the bundled-browser download is not available here); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The gateway serves dist/web; build it when missing or older than its sources, one spec file at
 * a time.
 */
export function ensureWebBuilt(): void {
  buildOnce({
    fresh: () =>
      existsSync(WEB_INDEX) && statSync(WEB_INDEX).mtimeMs >= Math.max(...SOURCES.map((dir) => newestUnder(dir))),
    lockName: 'disduk-web-build.lock',
    timeoutMs: 120_000,
    build: () => {
      const build = spawnSync(
        process.execPath,
        ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.mjs', '--logLevel', 'warn'],
        { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
      );
      if (build.status !== 0) throw new Error('vite build of apps/web failed');
    },
  });
}

export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  // playwright-core gives every launch a fresh temporary profile (--user-data-dir) of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1366, height: 900 } };

/** A fresh context (own cookies and storage: one person) with downloads accepted. */
export async function personAt(
  browser: Browser,
  baseURL: string,
  device: typeof PHONE | typeof DESKTOP = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...device, baseURL, acceptDownloads: true, locale: 'id-ID' });
  const page = await context.newPage();
  // The pages must work without anything from outside the deployment (intranet).
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  return { context, page };
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('NIK atau nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

/**
 * A resident's phone on a bad line: Chrome DevTools' "Slow 3G" (2,000 ms round trip, 50 kB/s
 * each way) and a 4× slower CPU, set through the debugging protocol for this page.
 */
export const SLOW_3G = { offline: false, latency: 2_000, downloadThroughput: 50_000, uploadThroughput: 50_000 };

export async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}
