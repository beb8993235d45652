/**
 * Regenerates docs/samples: a signed Kartu Keluarga of the demo family, a signed Kutipan Akta
 * Kelahiran of its newest child and a Kutipan Akta Kematian, with PNG previews (pdftoppm, from
 * poppler-utils).
 *
 * Run from the repository root after `npm run build`:
 *   node dist/apps/documents/bench/render-samples.js [output folder, default docs/samples]
 *
 * The samples are signed with a throw-away development certificate, and their footnote names that
 * certificate's issuer, as a development deployment would. All people are invented.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildAktaKematian } from '../src/document-kinds/akta-kematian/akta-kematian.factory.js';
import { renderAktaKematian } from '../src/document-kinds/akta-kematian/akta-kematian.renderer.js';
import { renderAktaKelahiran } from '../src/document-kinds/akta-kelahiran/akta-kelahiran.renderer.js';
import { renderKartuKeluarga } from '../src/document-kinds/kartu-keluarga/kartu-keluarga.renderer.js';
import { buildAktaKelahiran, buildKartuKeluarga } from '../src/rendering/testing/document-factories.js';
import { ensureDevCertificate } from '../src/signing/dev-certificate.js';
import { DocumentSigner } from '../src/signing/document.signer.js';
import { installIdnAreaRegions } from '#lib/platform/regions';

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
    await ensureDevCertificate(p12, 'samples-only', 'Disdukcapil Kabupaten Ogan Komering Ilir (DEV)', {
      now: issuedAt,
    });
    const signer = await DocumentSigner.fromPkcs12File(p12, 'samples-only');
    const certificateIssuer = signer.certificate.issuerName;
    const verificationUrl = (token: string) => `https://adminduk.example.id/verifikasi/${token}`;

    const samples = [
      {
        name: 'kartu-keluarga',
        pdf: await renderKartuKeluarga(
          buildKartuKeluarga({
            certificateIssuer,
            issuedAt: '2026-01-28',
            documentNumber: 'KK-2026-000042',
            verificationUrl: verificationUrl('hW3kQ9xY2bLmN7pR4tV8zA'),
          }),
        ),
      },
      {
        name: 'kutipan-akta-kelahiran',
        pdf: await renderAktaKelahiran(
          buildAktaKelahiran({ certificateIssuer, verificationUrl: verificationUrl('Jd6sF1gH5kL0qW3eR8tY2u') }),
        ),
      },
      {
        name: 'kutipan-akta-kematian',
        pdf: await renderAktaKematian(
          buildAktaKematian({
            certificateIssuer,
            certificateNumber: '1602-KM-28012026-0001',
            dateOfDeath: '2026-01-25',
            timeOfDeath: '04:30',
            issuedAt: '2026-01-28',
            verificationUrl: verificationUrl('Pq2wE7rT1yU6iO9pA4sD3f'),
          }),
        ),
      },
    ];
    for (const sample of samples) {
      const signed = await signer.sign(sample.pdf, { signingTime: issuedAt, location: 'Kayuagung' });
      const path = join(output, `${sample.name}.pdf`);
      await writeFile(path, signed);
      await run('pdftoppm', ['-r', '110', '-png', '-singlefile', path, join(output, sample.name)]);
      console.log(`${path} (${Math.round(signed.length / 1024)} KiB) and ${sample.name}.png`);
    }
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

await main();
