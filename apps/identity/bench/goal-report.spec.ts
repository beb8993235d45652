import { describe, expect, it } from '@jest/globals';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { gcDuring, gcPausesOf, missedGoals, type Figures } from './goal-report.js';

const RUN = { connections: 64, measuredSeconds: 20, batchSize: 1000, cores: 2 };

function figures(overrides: Partial<Figures>): Figures {
  return {
    name: 'x',
    requestsPerSecond: 2000,
    niksPerSecond: 2000,
    p50: 25,
    p99: 45,
    requests: 40_000,
    failures: 0,
    cpuPerRequest: { gateway: 0.2, identity: 0.15, nats: 0.03, postgres: 0.12 },
    ...overrides,
  };
}

const met = {
  single: figures({}),
  batch: figures({
    requestsPerSecond: 45,
    niksPerSecond: 45_000,
    p50: 1400,
    p99: 3000,
    requests: 900,
    cpuPerRequest: { gateway: 6, identity: 14, nats: 3, postgres: 8 },
  }),
  baseline: figures({ requestsPerSecond: 1500, niksPerSecond: 1500, p50: 40, p99: 90 }),
};

describe('the GC histogram read from an app’s /metrics', () => {
  const exposition = [
    '# HELP nodejs_gc_duration_seconds Garbage collection duration by kind, one of major, minor, incremental or weakcb.',
    '# TYPE nodejs_gc_duration_seconds histogram',
    'nodejs_gc_duration_seconds_bucket{le="0.001",kind="minor",app="identity"} 2',
    'nodejs_gc_duration_seconds_bucket{le="0.01",kind="minor",app="identity"} 10',
    'nodejs_gc_duration_seconds_bucket{le="0.1",kind="minor",app="identity"} 14',
    'nodejs_gc_duration_seconds_bucket{le="1",kind="minor",app="identity"} 15',
    'nodejs_gc_duration_seconds_bucket{le="+Inf",kind="minor",app="identity"} 15',
    'nodejs_gc_duration_seconds_sum{kind="minor",app="identity"} 0.35',
    'nodejs_gc_duration_seconds_count{kind="minor",app="identity"} 15',
    'nodejs_gc_duration_seconds_bucket{le="0.01",kind="major",app="identity"} 0',
    'nodejs_gc_duration_seconds_bucket{le="0.1",kind="major",app="identity"} 1',
    'nodejs_gc_duration_seconds_sum{kind="major",app="identity"} 0.05',
    'nodejs_gc_duration_seconds_count{kind="major",app="identity"} 1',
    'nodejs_gc_durations_other 99',
  ].join('\n');

  it('sums every kind: pauses, time, and those over 10 and 100 ms', () => {
    const pauses = gcPausesOf(exposition);
    expect(pauses).toEqual({ pauses: 16, milliseconds: expect.any(Number), over10: 6, over100: 1 });
    expect(pauses.milliseconds).toBeCloseTo(400, 6);
  });

  it('reads nothing from an empty or foreign answer', () => {
    expect(gcPausesOf('')).toEqual({ pauses: 0, milliseconds: 0, over10: 0, over100: 0 });
    expect(gcPausesOf('<html>503</html>')).toEqual({ pauses: 0, milliseconds: 0, over10: 0, over100: 0 });
  });

  it('reads what prom-client itself writes (the names and buckets the apps expose)', async () => {
    const registry = new Registry();
    registry.setDefaultLabels({ app: 'identity' });
    collectDefaultMetrics({ register: registry });
    // Garbage enough for a few scavenges; the observer hears of them on a later turn.
    let kept: unknown[] = [];
    for (let i = 0; i < 2_000_000; i++) kept = i % 1000 === 0 ? [] : [...kept.slice(-2), { i }];
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = await registry.metrics();
    expect(text).toContain('nodejs_gc_duration_seconds_bucket{le="0.01"');
    expect(text).toContain('nodejs_gc_duration_seconds_bucket{le="0.1"');
    const pauses = gcPausesOf(text);
    expect(pauses.pauses).toBeGreaterThan(0);
    expect(pauses.milliseconds).toBeGreaterThan(0);
    expect(pauses.over10).toBeLessThanOrEqual(pauses.pauses);
    expect(pauses.over100).toBeLessThanOrEqual(pauses.over10);
  });

  it('takes the difference of two snapshots, an app first seen at the end counting from zero', () => {
    const before = { gateway: { pauses: 10, milliseconds: 50, over10: 1, over100: 0 } };
    const after = {
      gateway: { pauses: 25, milliseconds: 90, over10: 3, over100: 0 },
      identity: { pauses: 4, milliseconds: 60, over10: 4, over100: 0 },
    };
    expect(gcDuring(before, after)).toEqual({
      gateway: { pauses: 15, milliseconds: 40, over10: 2, over100: 0 },
      identity: { pauses: 4, milliseconds: 60, over10: 4, over100: 0 },
    });
  });
});

describe('the lines on missed goals', () => {
  it('says nothing when every goal is met, or when a scenario did not run', () => {
    expect(missedGoals(met, RUN)).toEqual([]);
    expect(missedGoals({ ...met, single: figures({ p99: 90, requests: 0 }) }, RUN)).toEqual([]);
  });

  it('names a missed p99 with its margin, the closed loop’s wait, the baseline’s tail and the pauses', () => {
    const single = figures({
      requestsPerSecond: 1600,
      niksPerSecond: 1600,
      p50: 38,
      p99: 87,
      gc: {
        gateway: { pauses: 140, milliseconds: 660, over10: 5, over100: 0 },
        identity: { pauses: 50, milliseconds: 650, over10: 48, over100: 1 },
      },
    });
    const text = missedGoals({ ...met, single, batch: { ...met.batch, niksPerSecond: 40_000 } }, RUN).join('\n');
    expect(text).toContain('**(a) p99 missed by 37 ms** (87 ms, 74 % over)');
    expect(text).toContain('64 ÷ 1,600 requests/s = 40 ms on average');
    expect(text).toContain(
      "the bare lookup's own p99 under the same load was 90 ms (p50 40 ms), so at this machine's speed",
    );
    expect(text).toContain(
      'identity 50 pauses, 650 ms in all (3.3 % of the measured 20 s), 48 longer than 10 ms and 1 longer',
    );
    expect(text).not.toContain('(a)/(c) missed');
    expect(text).not.toContain('(b)/(a) missed');
  });

  it('says the tail is the path’s own when the baseline stayed within 50 ms', () => {
    const text = missedGoals(
      { ...met, single: figures({ p99: 60 }), baseline: { ...met.baseline, p99: 31 } },
      RUN,
    ).join('\n');
    expect(text).toContain('within the goal: the rest of the tail is the full path’s');
    expect(text).toContain('Garbage collection stops a process with every request it holds: not measured in this run.');
  });

  it('names a missed (b)/(a) with both CPU costs and the cores each kept busy', () => {
    const single = figures({ requestsPerSecond: 2600, niksPerSecond: 2600 });
    const text = missedGoals({ ...met, single }, RUN).join('\n');
    // 45,000 / 2,600 = 17.31; one check 0.5 ms, one batch NIK 0.031 ms.
    expect(text).toContain('**(b)/(a) missed by 2.69** (17.31 against 20, 13 % short)');
    expect(text).toContain(
      'A single check cost 0.500 ms of CPU in all processes and a NIK in a batch 0.0310 ms, a ratio of 16.13',
    );
    expect(text).toContain('(a) kept 1.30 cores busy in these processes and (b) 1.40 (of 2');
  });

  it('names a missed (a)/(c) with both CPU costs', () => {
    const baseline = figures({
      requestsPerSecond: 2500,
      niksPerSecond: 2500,
      cpuPerRequest: { postgres: 0.4, baseline: 0.25 },
    });
    const text = missedGoals({ ...met, baseline }, RUN).join('\n');
    expect(text).toContain(
      '**(a)/(c) missed by 0.20** ((a) answered 20 % fewer requests a second than the bare lookup)',
    );
    expect(text).toContain('A single check cost 0.500 ms of CPU in all processes, the bare lookup 0.650 ms');
  });
});
