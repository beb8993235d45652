/**
 * Throughput of the domain's hot paths on one core: NIK parsing (goal ≥ 2,000,000/s, it sits
 * on every request and every imported row) and name similarity (agency verification batches).
 * Run: `npm run bench:domain`, or after a build `node dist/libs/domain/bench/domain.bench.js`.
 * Inputs are synthetic.
 */
import { performance } from 'node:perf_hooks';
import {
  formatNik,
  nameSimilarity,
  normalizeName,
  normalizedNameSimilarity,
  parseNik,
  RegionLevel,
  regionDirectory,
  Sex,
  tryParseNik,
} from '../src/index.js';
import { installIdnAreaRegions } from '#lib/platform/regions';

// libs/domain does no I/O: this process hands it the idn-area-data regions first.
installIdnAreaRegions();

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 1500);
const NIK_GOAL_PER_SECOND = 2_000_000;

/** A fixed pseudo-random sequence, so runs compare like with like. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function syntheticNiks(count: number): string[] {
  const next = random(42);
  const districts = regionDirectory().list(RegionLevel.DISTRICT);
  const niks: string[] = [];
  for (let i = 0; i < count; i++) {
    const district = districts[Math.floor(next() * districts.length)];
    const birth = new Date(Date.UTC(1930, 0, 1) + Math.floor(next() * 95 * 365) * 86_400_000);
    niks.push(
      formatNik({
        districtCode: district.code,
        birthDate: birth.toISOString().slice(0, 10),
        sex: next() < 0.5 ? Sex.LAKI_LAKI : Sex.PEREMPUAN,
        serial: 1 + Math.floor(next() * 9999),
      }),
    );
  }
  return niks;
}

const GIVEN = ['SITI', 'AHMAD', 'DEWI', 'BUDI', 'NUR', 'MUHAMMAD', 'RINA', 'AGUS', 'PUTRI', 'RIZKI'];
const FAMILY = ['AMINAH', 'SANTOSO', 'LESTARI', 'HIDAYAT', 'WULANDARI', 'SALIM', 'PRATAMA', 'RAHMAWATI'];

function syntheticNamePairs(count: number): [string, string][] {
  const next = random(7);
  const pick = (list: string[]): string => list[Math.floor(next() * list.length)];
  const pairs: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const name = `${pick(GIVEN)} ${pick(FAMILY)}`;
    // Half are the same person written differently, half are someone else.
    pairs.push(next() < 0.5 ? [name, `Hj. ${name.toLowerCase()}, S.Pd.`] : [name, `${pick(GIVEN)} ${pick(FAMILY)}`]);
  }
  return pairs;
}

function measure(label: string, batch: (round: number) => number): number {
  // Warm up so the optimising compiler has seen the code before the clock starts.
  for (let round = 0; round < 20; round++) batch(round);
  let operations = 0;
  const start = performance.now();
  let elapsed = 0;
  for (let round = 0; elapsed < DURATION_MS; round++) {
    operations += batch(round);
    elapsed = performance.now() - start;
  }
  const perSecond = (operations / elapsed) * 1000;
  const rate = Math.round(perSecond).toLocaleString('en-US').padStart(12);
  console.log(`${label.padEnd(44)} ${rate} /s  (${operations.toLocaleString('en-US')} in ${elapsed.toFixed(0)} ms)`);
  return perSecond;
}

const niks = syntheticNiks(10_000);
const options = {};
let checksum = 0;

const parsesPerSecond = measure('parseNik (valid NIKs)', () => {
  for (const nik of niks) checksum += parseNik(nik, options).serial.length;
  return niks.length;
});
measure('tryParseNik (valid NIKs)', () => {
  for (const nik of niks) checksum += tryParseNik(nik).ok ? 1 : 0;
  return niks.length;
});
const invalid = niks.map((nik) => `${nik.slice(0, 12)}0000`);
measure('tryParseNik (serial 0000, rejected)', () => {
  for (const nik of invalid) checksum += tryParseNik(nik).ok ? 1 : 0;
  return invalid.length;
});

const pairs = syntheticNamePairs(10_000);
measure('nameSimilarity (normalise + Jaro-Winkler)', () => {
  for (const [a, b] of pairs) checksum += nameSimilarity(a, b);
  return pairs.length;
});
// Registry names are stored normalised; this is the cost of comparing against them.
const normalizedPairs = pairs.map(([a, b]) => [normalizeName(a), normalizeName(b)] as const);
measure('normalizedNameSimilarity (Jaro-Winkler only)', () => {
  for (const [a, b] of normalizedPairs) checksum += normalizedNameSimilarity(a, b);
  return normalizedPairs.length;
});

console.log(
  `\nNIK parse goal ${NIK_GOAL_PER_SECOND.toLocaleString('en-US')}/s: ${parsesPerSecond >= NIK_GOAL_PER_SECOND ? 'met' : 'NOT met'} (checksum ${checksum.toFixed(0)})`,
);
if (parsesPerSecond < NIK_GOAL_PER_SECOND) process.exitCode = 1;
