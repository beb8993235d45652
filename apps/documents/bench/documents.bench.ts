/**
 * Signed documents per second in one process, for each kind: render (pdfkit), add the signature
 * placeholder and sign (PAdES, RSA-2048) — what an issuance costs the documents service.
 * Goal ≥ 50 per second per process; the service scales further with processes (replicas).
 *
 * Run after `npm run build`: `node dist/apps/documents/bench/documents.bench.js`.
 * SIGNING_P12_PATH / SIGNING_P12_PASSPHRASE use a real certificate; without them a development
 * certificate is created in a temporary folder. Data is synthetic.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderAktaKelahiran } from '../src/document-kinds/akta-kelahiran/akta-kelahiran.renderer.js';
import type { AktaKelahiranModel } from '../src/document-kinds/akta-kelahiran/akta-kelahiran.model.js';
import type { KartuKeluargaModel } from '../src/document-kinds/kartu-keluarga/kartu-keluarga.model.js';
import { renderKartuKeluarga } from '../src/document-kinds/kartu-keluarga/kartu-keluarga.renderer.js';
import {
  buildAktaKelahiran,
  buildKartuKeluarga,
  buildMember,
  demoFamilyMembers,
} from '../src/rendering/testing/document-factories.js';
import { ensureDevCertificate } from '../src/signing/dev-certificate.js';
import { DocumentSigner } from '../src/signing/document.signer.js';
import { installIdnAreaRegions } from '#lib/platform/regions';

// libs/domain does no I/O: this process hands it the idn-area-data regions first.
installIdnAreaRegions();

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3000);
const GOAL_PER_SECOND = 50;

const GIVEN = ['SITI', 'AHMAD', 'DEWI', 'BUDI', 'NUR', 'MUHAMMAD', 'RINA', 'AGUS', 'PUTRI', 'RIZKI', 'JOSÉ', 'NIÑA'];
const FAMILY = ['AMINAH', 'SANTOSO', 'LESTARI', 'HIDAYAT', 'WULANDARI', 'SALIM', 'PRATAMA', 'RAHMAWATI'];

/** Each document gets other names, so no run benefits from text seen in the previous one only. */
function name(i: number, j: number): string {
  return `${GIVEN[(i + j) % GIVEN.length]} ${GIVEN[(i * 7 + j) % GIVEN.length]} ${FAMILY[(i * 3 + j) % FAMILY.length]}`;
}

function kartuKeluarga(i: number): KartuKeluargaModel {
  const members = demoFamilyMembers().map((member, j) => buildMember({ ...member, fullName: name(i, j) }));
  return buildKartuKeluarga({ members, headName: members[0].fullName });
}

function aktaKelahiran(i: number): AktaKelahiranModel {
  return buildAktaKelahiran({ childName: name(i, 0), fatherName: name(i, 1), motherName: name(i, 2) });
}

async function measure<M>(
  label: string,
  models: M[],
  render: (model: M) => Promise<Buffer>,
  signer: DocumentSigner,
): Promise<number> {
  const sign = async (model: M) => signer.sign(await render(model), { signingTime: new Date(), location: 'Kayuagung' });
  // Warm up: fonts parsed, code optimised, before the clock starts.
  for (let i = 0; i < 20; i++) await sign(models[i % models.length]);
  const latencies: number[] = [];
  let bytes = 0;
  // CPU time as well as wall time: on a shared machine the wall-clock rate also measures the
  // neighbours, the CPU time per document does not (much).
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < DURATION_MS) {
    const began = performance.now();
    bytes += (await sign(models[latencies.length % models.length])).length;
    latencies.push(performance.now() - began);
  }
  const elapsed = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMsPerDocument = (cpu.user + cpu.system) / 1000 / latencies.length;
  const perSecond = (latencies.length / elapsed) * 1000;
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.floor(latencies.length * 0.95)];
  console.log(
    `${label.padEnd(34)} ${perSecond.toFixed(1).padStart(7)} /s   p95 ${p95.toFixed(1).padStart(5)} ms   ` +
      `CPU ${cpuMsPerDocument.toFixed(1)} ms/doc   ${Math.round(bytes / latencies.length / 1024)} KiB/doc   ` +
      `(${latencies.length} in ${elapsed.toFixed(0)} ms)`,
  );
  return perSecond;
}

async function main(): Promise<void> {
  const temporary = await mkdtemp(join(tmpdir(), 'documents-bench-'));
  try {
    const path = process.env.SIGNING_P12_PATH ?? join(temporary, 'bench-signing.p12');
    const passphrase = process.env.SIGNING_P12_PASSPHRASE ?? 'bench-only';
    if (process.env.SIGNING_P12_PATH === undefined) {
      await ensureDevCertificate(path, passphrase, 'Disdukcapil Kabupaten Ogan Komering Ilir (BENCH)');
    }
    const signer = await DocumentSigner.fromPkcs12File(path, passphrase);
    console.log(
      `documents bench: 1 process, ${availableParallelism()} cores available (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
        `Node ${process.version}, ${DURATION_MS} ms per kind, certificate "${signer.certificate.subjectName}"\n`,
    );
    const kk = await measure(
      'Kartu Keluarga (5 members), signed',
      Array.from({ length: 50 }, (_, i) => kartuKeluarga(i)),
      renderKartuKeluarga,
      signer,
    );
    const akta = await measure(
      'Kutipan Akta Kelahiran, signed',
      Array.from({ length: 50 }, (_, i) => aktaKelahiran(i)),
      renderAktaKelahiran,
      signer,
    );
    const met = kk >= GOAL_PER_SECOND && akta >= GOAL_PER_SECOND;
    console.log(`\nGoal ≥ ${GOAL_PER_SECOND} signed documents/s in one process: ${met ? 'met' : 'NOT met'}`);
    if (!met) process.exitCode = 1;
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

await main();
