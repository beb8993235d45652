/**
 * What `npm run bench:verify` measures of one scenario, and the part of its section that says,
 * for each goal of issue #16 a run missed, by how much and what the same run measured about why
 * ("where a goal is still missed, the section says by how much and the profile says why"). Kept
 * apart from the bench's main so that it can be tested without starting anything.
 */

export interface Figures {
  name: string;
  requestsPerSecond: number;
  niksPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
  /** CPU milliseconds per request during the measured seconds, by process (from /proc). */
  cpuPerRequest?: Record<string, number>;
  /** Garbage-collection pauses during the measured seconds, by app (from its own /metrics). */
  gc?: Record<string, GcPauses>;
}

/** What an app's `nodejs_gc_duration_seconds` histogram (prom-client) counted, all kinds together. */
export interface GcPauses {
  pauses: number;
  milliseconds: number;
  /** Pauses longer than 10 ms, and than 100 ms (the histogram's buckets). */
  over10: number;
  over100: number;
}

const NO_PAUSES: GcPauses = { pauses: 0, milliseconds: 0, over10: 0, over100: 0 };

/** The GC histogram in a Prometheus text exposition (one app's `/metrics`), all kinds summed. */
export function gcPausesOf(exposition: string): GcPauses {
  let pauses = 0;
  let seconds = 0;
  const within = { '0.01': 0, '0.1': 0 };
  for (const line of exposition.split('\n')) {
    if (!line.startsWith('nodejs_gc_duration_seconds')) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (!Number.isFinite(value)) continue;
    if (line.startsWith('nodejs_gc_duration_seconds_sum')) seconds += value;
    else if (line.startsWith('nodejs_gc_duration_seconds_count')) pauses += value;
    else if (line.startsWith('nodejs_gc_duration_seconds_bucket')) {
      const le = /le="([^"]+)"/.exec(line)?.[1];
      if (le === '0.01' || le === '0.1') within[le] += value;
    }
  }
  return { pauses, milliseconds: seconds * 1000, over10: pauses - within['0.01'], over100: pauses - within['0.1'] };
}

export function addPauses(a: GcPauses | undefined, b: GcPauses): GcPauses {
  const base = a ?? NO_PAUSES;
  return {
    pauses: base.pauses + b.pauses,
    milliseconds: base.milliseconds + b.milliseconds,
    over10: base.over10 + b.over10,
    over100: base.over100 + b.over100,
  };
}

/** The pauses between two snapshots of the same apps' counters. */
export function gcDuring(before: Record<string, GcPauses>, after: Record<string, GcPauses>): Record<string, GcPauses> {
  return Object.fromEntries(
    Object.entries(after).map(([app, end]) => {
      const start = before[app] ?? NO_PAUSES;
      return [
        app,
        {
          pauses: end.pauses - start.pauses,
          milliseconds: end.milliseconds - start.milliseconds,
          over10: end.over10 - start.over10,
          over100: end.over100 - start.over100,
        },
      ];
    }),
  );
}

/** CPU milliseconds of one request in all processes of the path (undefined: not measured). */
export function cpuTotal(f: Figures): number | undefined {
  if (f.cpuPerRequest === undefined || f.requests === 0) return undefined;
  return Object.values(f.cpuPerRequest).reduce((sum, ms) => sum + ms, 0);
}

/** How the run was driven: what the explanations are computed from. */
export interface RunShape {
  connections: number;
  measuredSeconds: number;
  batchSize: number;
  cores: number;
}

export const number = (value: number): string => Math.round(value).toLocaleString('en-US');
export const ratio = (value: number): string => value.toFixed(2);
const percent = (value: number): string => `${(value * 100).toFixed(0)} %`;

/**
 * The p99 as a multiple of the p50, for the full path and the bare lookup: when they are alike the
 * tail has the shape of the load on this machine, not of the path, and the goal becomes a
 * throughput: at that shape a p99 of 50 ms needs a p50 of 50 ÷ shape, hence connections ÷ that
 * many requests a second.
 */
function tailShape(single: Figures, baseline: Figures, run: RunShape): string {
  if (single.p50 <= 0 || baseline.p50 <= 0) return '';
  const shape = single.p99 / single.p50;
  const needed = run.connections / (50 / shape / 1000);
  return (
    `The p99 is ${shape.toFixed(1)} × the p50 on the full path and ${(baseline.p99 / baseline.p50).toFixed(1)} × on ` +
    `the bare lookup: at the full path's shape, a p99 of 50 ms needs a p50 of ${(50 / shape).toFixed(0)} ms, that is ` +
    `${number(needed)} requests/s through ${run.connections} connections (${ratio(needed / single.requestsPerSecond)} × ` +
    'this run’s). '
  );
}

/**
 * For each goal this run missed: by how much, and what this same run measured about why. Where
 * each cost sits inside a process is for a CPU profile (BENCH_CPU_PROF) and the rounds written by
 * hand in docs/benchmarks.md; these lines are the run's own evidence. Nothing when every goal is
 * met or a scenario did not run.
 */
export function missedGoals(figures: { single: Figures; batch: Figures; baseline: Figures }, run: RunShape): string[] {
  const { single, batch, baseline } = figures;
  if (single.requests === 0 || batch.requests === 0 || baseline.requests === 0) return [];
  const lines: string[] = [];
  const singleCpu = cpuTotal(single);
  const batchCpu = cpuTotal(batch);
  const baselineCpu = cpuTotal(baseline);
  const ac = single.requestsPerSecond / baseline.requestsPerSecond;
  if (ac < 1) {
    lines.push(
      `- **(a)/(c) missed by ${ratio(1 - ac)}** ((a) answered ${percent(1 - ac)} fewer requests a second than the ` +
        'bare lookup). ' +
        (singleCpu !== undefined && baselineCpu !== undefined
          ? `A single check cost ${singleCpu.toFixed(3)} ms of CPU in all processes, the bare lookup ` +
            `${baselineCpu.toFixed(3)} ms: with every process on the same ${run.cores} cores, requests/s follow ` +
            'that cost (table below).'
          : 'The CPU per request was not measured in this run.'),
    );
  }
  if (single.p99 > 50) {
    const queued = (run.connections / single.requestsPerSecond) * 1000;
    const pauses = Object.entries(single.gc ?? {})
      .filter(([, gc]) => gc.pauses > 0)
      .map(
        ([app, gc]) =>
          `${app} ${number(gc.pauses)} pauses, ${number(gc.milliseconds)} ms in all ` +
          `(${((gc.milliseconds / (run.measuredSeconds * 1000)) * 100).toFixed(1)} % of the measured ` +
          `${run.measuredSeconds} s), ${gc.over10} longer than 10 ms and ${gc.over100} longer than 100 ms`,
      );
    lines.push(
      `- **(a) p99 missed by ${single.p99 - 50} ms** (${single.p99} ms, ${percent(single.p99 / 50 - 1)} over). ` +
        `The load is a closed loop of ${run.connections} connections, so a request waits for those ahead of it: ` +
        `${run.connections} ÷ ${number(single.requestsPerSecond)} requests/s = ${queued.toFixed(0)} ms on average ` +
        `before any tail (p50 ${single.p50} ms); the bare lookup's own p99 under the same load was ` +
        `${baseline.p99} ms (p50 ${baseline.p50} ms)` +
        (baseline.p99 > 50
          ? ", so at this machine's speed in this run the goal is below what one query per request reached. "
          : ', within the goal: the rest of the tail is the full path’s. ') +
        tailShape(single, baseline, run) +
        'Garbage collection stops a process with every request it holds: ' +
        (pauses.length > 0 ? `${pauses.join('; ')}.` : 'not measured in this run.'),
    );
  }
  const ba = batch.niksPerSecond / single.niksPerSecond;
  if (ba < 20) {
    lines.push(
      `- **(b)/(a) missed by ${ratio(20 - ba)}** (${ratio(ba)} against 20, ${percent(1 - ba / 20)} short). ` +
        (singleCpu !== undefined && batchCpu !== undefined
          ? `A single check cost ${singleCpu.toFixed(3)} ms of CPU in all processes and a NIK in a batch ` +
            `${(batchCpu / run.batchSize).toFixed(4)} ms, a ratio of ${ratio(singleCpu / (batchCpu / run.batchSize))}; ` +
            `(a) kept ${((singleCpu * single.requestsPerSecond) / 1000).toFixed(2)} cores busy in these processes ` +
            `and (b) ${((batchCpu * batch.requestsPerSecond) / 1000).toFixed(2)} (of ${run.cores}, shared with the ` +
            'load generator). A single check is mostly fixed costs per request (HTTP, token, NATS round trip, a ' +
            'share of one group of reads and writes), a batch NIK mostly work per NIK (parsing, validation, ' +
            'comparison, garbage collection of the batch): when the machine is fast the fixed costs fall most, ' +
            'and the ratio with them.'
          : 'The CPU per request was not measured in this run.'),
    );
  }
  if (lines.length === 0) return [];
  return [
    'Where a goal is missed: by how much, and why (measured in this run):',
    '',
    ...lines,
    '',
    'Where the CPU goes inside each app: `BENCH_CPU_PROF=<dir> npm run bench:verify`, then ' +
      '`node scripts/cpu-profile-summary.mjs <dir>`; the rounds below, written by hand, hold such profiles ' +
      'and what was tried against each cost.',
    '',
  ];
}
