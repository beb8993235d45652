import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { RESIDENT_PASSWORD } from '../factories/accounts.factory.js';
import { personAt, PHONE, throttle } from './support/browser.js';
import { registerResident } from './support/pages.js';
import { headOf, browserSuite } from './support/world.js';

/**
 * `npm run bench:web`: a first-time resident on a slow phone. Chrome DevTools' "Slow 3G" (2,000 ms
 * round trip, 50 kB/s each way) and a 4× slower CPU, set through the debugging protocol on a
 * fresh profile (empty cache). Prints the time from navigation to a usable login form (fields
 * and button on screen, typing accepted), from pressing "Masuk" to "Keluarga saya" with the
 * family's members, and the whole journey. The form is typed into and "Masuk" pressed as soon as
 * it is usable, which is before the app's script has arrived (the first screen is in the HTML). A measurement that prints figures: nothing here asserts a duration.
 */
const RUNS = Number(process.env['WEB_BENCH_RUNS'] ?? 3);

jest.setTimeout(600_000);

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('web pages on Slow 3G with a 4× slower CPU', () => {
  const suite = browserSuite({ families: 1 });

  beforeAll(async () => {
    const setup = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
    const head = headOf(suite.world.families[0]);
    await registerResident(setup.page, head.nik, suite.world.families[0].familyCardNumber, head.birthDate);
    await setup.context.close();
  });

  it('prints the time to a usable login and from login to Keluarga saya', async () => {
    const head = headOf(suite.world.families[0]);
    const login: number[] = [];
    const family: number[] = [];
    const total: number[] = [];
    const bytes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { page, context } = await personAt(suite.chromium.browser, suite.stack.url, PHONE);
      let received = 0;
      page.on('response', (response) => {
        void response.body().then(
          (body) => (received += body.length),
          () => undefined,
        );
      });
      await throttle(page);
      const start = Date.now();
      if (process.env['WEB_BENCH_TRACE'] === '1') {
        page.on('request', (r) => console.log(`${Date.now() - start} ms → ${r.method()} ${r.url()}`));
        page.on('requestfinished', (r) => console.log(`${Date.now() - start} ms ✓ ${r.url()}`));
      }
      await page.goto('/masuk', { waitUntil: 'commit' });
      const nik = page.getByLabel('NIK atau nama pengguna');
      await nik.waitFor();
      await page.getByRole('button', { name: 'Masuk' }).waitFor();
      login.push(Date.now() - start);
      await nik.fill(head.nik);
      await page.getByLabel('Kata sandi').fill(RESIDENT_PASSWORD);
      const pressed = Date.now();
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('heading', { name: 'Keluarga saya' }).waitFor();
      await page.getByText(head.fullName).first().waitFor();
      family.push(Date.now() - pressed);
      total.push(Date.now() - start);
      bytes.push(received);
      await context.close();
    }
    const seconds = (ms: number): string => (ms / 1000).toFixed(2);
    console.log(
      [
        `bench:web — Slow 3G (RTT 2000 ms, 50 kB/s) + 4× CPU, ${RUNS} runs, median (all runs)`,
        `  usable login:           ${seconds(median(login))} s (${login.map(seconds).join(', ')})`,
        `  login → Keluarga saya:  ${seconds(median(family))} s (${family.map(seconds).join(', ')})`,
        `  page → Keluarga saya:   ${seconds(median(total))} s (${total.map(seconds).join(', ')}) (typing at once)`,
        `  bytes received (uncompressed bodies, whole journey): ${Math.round(median(bytes) / 1024)} KiB`,
      ].join('\n'),
    );
    expect(login).toHaveLength(RUNS);
  });
});
