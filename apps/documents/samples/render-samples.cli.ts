/**
 * Regenerates the golden document set in docs/samples (`npm run samples`): for each sample of
 * `golden-samples.ts` a signed PDF, a PNG of page 1 (pdftoppm) and the text pdftotext reads from
 * it (`<name>.txt`, what `golden-samples.spec.ts` compares).
 *
 * Run from the repository root after compiling: `npm run samples` does both.
 *   node dist/apps/documents/samples/render-samples.cli.js [output folder, default docs/samples]
 *
 * The samples are signed with a throw-away development certificate, and their footnote names that
 * certificate's issuer, as a development deployment would. All people are invented.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { installIdnAreaRegions } from '#lib/platform/regions';
import { ensureDevCertificate } from '../src/signing/dev-certificate.js';
import { DocumentSigner } from '../src/signing/document.signer.js';
import { GOLDEN_SAMPLES, SAMPLE_CERTIFICATE_ISSUER, sampleText, sampleVerificationUrl } from './golden-samples.js';

// libs/domain does no I/O: this process hands it the idn-area-data regions first.
installIdnAreaRegions();

const run = promisify(execFile);

async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? 'docs/samples');
  await mkdir(output, { recursive: true });
  const temporary = await mkdtemp(join(tmpdir(), 'documents-samples-'));
  try {
    // Fixed dates, so regenerated samples differ only where the layout changed.
    const issuedAt = new Date('2026-01-28T02:15:00Z');
    const p12 = join(temporary, 'samples.p12');
    await ensureDevCertificate(p12, 'samples-only', SAMPLE_CERTIFICATE_ISSUER, { now: issuedAt });
    const signer = await DocumentSigner.fromPkcs12File(p12, 'samples-only');
    const common = { certificateIssuer: SAMPLE_CERTIFICATE_ISSUER, verificationUrl: sampleVerificationUrl };
    for (const sample of GOLDEN_SAMPLES) {
      const signed = await signer.sign(await sample.render(common), { signingTime: issuedAt, location: 'Kayuagung' });
      const path = join(output, `${sample.name}.pdf`);
      await writeFile(path, signed);
      await run('pdftoppm', [
        '-r',
        '110',
        '-png',
        '-singlefile',
        '-f',
        '1',
        '-l',
        '1',
        path,
        join(output, sample.name),
      ]);
      await writeFile(join(output, `${sample.name}.txt`), await sampleText(path));
      console.log(`${path} (${Math.round(signed.length / 1024)} KiB), ${sample.name}.png and ${sample.name}.txt`);
    }
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

await main();
