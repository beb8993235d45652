import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOLDEN_SAMPLES, SAMPLE_CERTIFICATE_ISSUER, sampleText, sampleVerificationUrl } from './golden-samples.js';

jest.setTimeout(120_000);

/**
 * The golden document set: each sample, rendered from today's code, reads as the text committed
 * in docs/samples/<name>.txt, and so does the committed PDF. A change of wording or layout fails
 * here until `npm run samples` is run and the diff of the .txt files committed with it.
 */
describe('golden document samples (docs/samples)', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'golden-samples-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it.each(GOLDEN_SAMPLES.map((sample) => [sample.name, sample] as const))(
    '%s reads as its committed text',
    async (name, sample) => {
      const expected = await readFile(join('docs/samples', `${name}.txt`), 'utf8');
      const path = join(directory, `${name}.pdf`);
      await writeFile(
        path,
        await sample.render({ certificateIssuer: SAMPLE_CERTIFICATE_ISSUER, verificationUrl: sampleVerificationUrl }),
      );
      expect(await sampleText(path)).toBe(expected);
      expect(await sampleText(join('docs/samples', `${name}.pdf`))).toBe(expected);
    },
  );
});
