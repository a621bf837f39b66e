/**
 * Traces against what the design makes certain: a traced replay is the plain run (same
 * figures), a lone request's stamps are its edge latencies and service time, timeouts and
 * retries and a fan-out's slowest shard land on the critical path where they must, and every
 * kept request's critical path adds up to its latency.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateDesign, summarize } from '../engine';
import { everyKindDesign } from '../engine/arbitraryDesigns';
import { designOf, restored, singleStation } from '../engine/testSupport';
import type { Design } from '../model';
import { whereTimeWent } from './criticalPath';
import { TracingSimulation } from './tracer';
import { findTraces } from './traces';
import type { TimeShare, TraceSet } from './types';

const traced = (design: Design, budget?: number): TraceSet => {
  const result = findTraces(design, budget);
  if (!result.ok) throw new Error(result.problem);
  return result;
};
const share = (shares: TimeShare[], nodeId: string, what: TimeShare['what']) => shares.find((s) => s.nodeId === nodeId && s.what === what)?.ms ?? 0;
const total = (shares: TimeShare[]) => shares.reduce((sum, s) => sum + s.ms, 0);

const examples = readdirSync(new URL('../../examples', import.meta.url)).map((file) =>
  restored(JSON.parse(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'))),
);

describe('a traced replay', () => {
  it.each(examples.map((d) => [d.name, d] as const))('is the plain run, figure for figure: %s', (_, design) => {
    const run = { durationS: 20, warmupS: 2, seed: design.seed };
    const plain = summarize(simulateDesign(design, run), 0);
    const sim = new TracingSimulation(design, { seed: run.seed, warmupMs: 2000 }, () => {});
    sim.runUntil(22_000);
    expect(summarize(sim, 0)).toEqual(plain);
  });
});

describe('traced replays of random designs of every kind, with faults of every action', () => {
  it('are the plain runs, and every request kept has well-formed spans and a critical path that adds up to its latency', () => {
    fc.assert(
      fc.property(everyKindDesign, (design) => {
        const run = { durationS: 4, warmupS: 0.5, seed: design.seed };
        const sim = new TracingSimulation(design, { seed: run.seed, warmupMs: 500 }, () => {});
        sim.runUntil(4500);
        expect(summarize(sim, 0)).toEqual(summarize(simulateDesign(design, run), 0));
        const result = findTraces({ ...design, run: { durationS: 4, warmupS: 0.5 } });
        if (!result.ok) return;
        for (const trace of result.traces) {
          expect(Math.abs(total(whereTimeWent(trace)) - trace.latencyMs)).toBeLessThan(1e-6 * Math.max(1, trace.latencyMs));
          trace.spans.forEach((span, i) => expect(span.parent).toBeLessThan(i));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('spans', () => {
  it('stamp a lone request with its edge latencies and service time', () => {
    // 1 request/s into a 10 ms constant server over 3 ms edges: no request ever waits.
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 1, arrivals: 'uniform' } },
        { id: 'app', kind: 'server', params: { serviceTimeMs: 10, serviceDistribution: 'constant', workers: 1 } },
      ],
      [{ from: 'users', to: 'app', params: { latencyMs: 3 } }],
    );
    const { traces } = traced(design);
    const trace = traces[0];
    expect(trace.ok).toBe(true);
    expect(trace.latencyMs).toBeCloseTo(16, 9);
    expect(trace.spans).toEqual([
      expect.objectContaining({ parent: -1, nodeId: 'app', edgeId: 'e1', sentMs: 0, arrivedMs: 3, serviceStartMs: 3, outcome: 'ok', detached: false, pastAnswer: false }),
    ]);
    const [span] = trace.spans;
    expect(span.serviceEndMs).toBeCloseTo(13, 9);
    expect(span.respondedMs).toBeCloseTo(13, 9);
    expect(span.returnedMs).toBeCloseTo(16, 9);
    const shares = whereTimeWent(trace);
    expect(share(shares, 'app', 'network')).toBeCloseTo(6, 9);
    expect(share(shares, 'app', 'service')).toBeCloseTo(10, 9);
    expect(share(shares, 'app', 'queue')).toBe(0);
  });

  it('put timed-out attempts and the backoff between them on the critical path', () => {
    // Every attempt outlasts the 50 ms timeout (a 200 ms constant server): the client waits 50 ms
    // per attempt, and the rest of its latency is the backoff before each retry.
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 1, arrivals: 'uniform', timeoutMs: 50, retries: 2, backoffMs: 100 } },
        { id: 'app', kind: 'server', params: { serviceTimeMs: 200, serviceDistribution: 'constant', workers: 100 } },
      ],
      [{ from: 'users', to: 'app' }],
    );
    const trace = traced(design).traces.find((t) => t.reason === 'failed')!;
    expect(trace.ok).toBe(false);
    expect(trace.attempts).toBe(3);
    // Each attempt was still at the server when the client gave up on it; each finished later.
    expect(trace.spans.map((s) => [s.attempt, s.outcome, s.pastAnswer])).toEqual([
      [0, 'ok', true],
      [1, 'ok', true],
      [2, 'ok', true],
    ]);
    const shares = whereTimeWent(trace);
    expect(share(shares, 'app', 'service')).toBeCloseTo(150, 9);
    expect(share(shares, 'users', 'waiting')).toBeCloseTo(trace.latencyMs - 150, 9);
    expect(total(shares)).toBeCloseTo(trace.latencyMs, 9);
  });

  it('follow the slowest shard of a parallel fan-out, and only it', () => {
    const shards = ['a', 'b', 'c', 'd'];
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 50 } },
        { id: 'search', kind: 'server', params: { serviceTimeMs: 1, serviceDistribution: 'constant', fanOut: 'parallel', workers: 100 } },
        ...shards.map((id) => ({ id, kind: 'server', params: { serviceTimeMs: 20, workers: 100 } })),
      ],
      [{ from: 'users', to: 'search' }, ...shards.map((id) => ({ from: 'search', to: id }))],
    );
    for (const trace of traced(design).traces) {
      const shares = whereTimeWent(trace);
      const calls = trace.spans.filter((s) => s.parent === 0);
      expect(calls).toHaveLength(4);
      const last = calls.reduce((a, b) => (b.returnedMs! > a.returnedMs! ? b : a));
      // The shard that answered last is the only one on the path, with all of its service time.
      const onPath = shares.filter((s) => shards.includes(s.nodeId)).map((s) => s.nodeId);
      expect(new Set(onPath)).toEqual(new Set([last.nodeId]));
      expect(share(shares, last.nodeId, 'service')).toBeCloseTo(last.serviceEndMs! - last.serviceStartMs!, 9);
      expect(total(shares)).toBeCloseTo(trace.latencyMs, 9);
    }
  });
});

describe('a cache coalescing misses', () => {
  it('puts a read that waited on another’s fetch on that fetch: its wait is the rest of the fetch, and adds up', () => {
    // One key, read every 10 ms; it expires 1 ms after each fill, so every third read fetches
    // it (25 ms at the origin) and the two after it wait for that fetch.
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 100, arrivals: 'uniform', readRatio: 1, keys: 1 } },
        { id: 'cache', kind: 'cache', params: { hitTimeMs: 1, ttlSeconds: 0.001, coalescing: 'on' } },
        { id: 'origin', kind: 'server', params: { serviceTimeMs: 25, serviceDistribution: 'constant' } },
      ],
      [
        { from: 'users', to: 'cache', params: { latencyMs: 0 } },
        { from: 'cache', to: 'origin', params: { latencyMs: 0 } },
      ],
    );
    const waiters = traced(design).traces.filter((t) => t.spans.some((s) => s.sharedFetch));
    expect(waiters.length).toBeGreaterThan(0);
    for (const trace of waiters) {
      const [cache] = trace.spans;
      expect(trace.spans).toHaveLength(1);
      const shares = whereTimeWent(trace);
      expect(share(shares, 'cache', 'shared')).toBeCloseTo(cache.respondedMs! - cache.serviceEndMs!, 9);
      // 10 or 20 ms after the fetch began, 26 ms after its read arrived: 6 or 16 ms of waiting, after 1 ms of lookup.
      expect([6, 16].map((ms) => Math.abs(trace.latencyMs - ms) < 1e-6)).toContain(true);
      expect(total(shares)).toBeCloseTo(trace.latencyMs, 9);
    }
  });
});

describe('the requests kept', () => {
  it('are the run’s slowest, its first failure, and ones at its p50 and p99', () => {
    const design = singleStation(700, { workers: 1, serviceTimeMs: 1 });
    const set = traced(design);
    const plain = simulateDesign(design, { durationS: design.run.durationS, warmupS: design.run.warmupS, seed: design.seed });
    expect(set.measured).toBe(plain.e2e.sent);
    expect(set.traces.map((t) => t.reason)).toEqual(['slowest', 'slowest', 'slowest', 'slowest', 'slowest', 'p99', 'p50']);
    // The slowest is the plain run's maximum (histograms keep the maximum exactly), in descending order.
    expect(set.traces[0].latencyMs).toBe(plain.e2e.latency.max);
    const slowest = set.traces.slice(0, 5).map((t) => t.latencyMs);
    expect(slowest).toEqual([...slowest].sort((a, b) => b - a));
    const [p50, p99] = plain.e2e.latency.quantiles([0.5, 0.99]);
    expect(Math.abs(set.traces[6].latencyMs - p50) / p50).toBeLessThan(0.01);
    expect(Math.abs(set.traces[5].latencyMs - p99) / p99).toBeLessThan(0.01);
  });

  it.each(examples.map((d) => [d.name, d] as const))('have critical paths that add up to their latency, spans after their parents: %s', (_, design) => {
    const set = traced({ ...design, run: { ...design.run, durationS: 20 } });
    expect(set.traces.length).toBeGreaterThan(0);
    for (const trace of set.traces) {
      expect(total(whereTimeWent(trace))).toBeCloseTo(trace.latencyMs, 6);
      trace.spans.forEach((span, i) => {
        expect(span.parent).toBeLessThan(i);
        for (const t of [span.arrivedMs, span.serviceStartMs, span.serviceEndMs, span.respondedMs, span.returnedMs]) {
          if (t !== null) expect(t).toBeGreaterThanOrEqual(span.sentMs);
        }
      });
    }
  });

  it('replays a design too busy to follow whole for a shorter measured time, and says so', () => {
    // 1,000 req/s for 5 s + 60 s is 65,000 requests; a budget of 20,000 leaves 15 s measured.
    const busy = { ...singleStation(1000, { workers: 4, serviceTimeMs: 2 }), run: { durationS: 60, warmupS: 5 } };
    const set = traced(busy, 20_000);
    expect(set.run).toEqual({ durationS: 15, warmupS: 5, seed: 1 });
    expect(set.measured).toBeGreaterThan(14_000);
    expect(set.measured).toBeLessThan(16_000);
    expect(traced(busy).run.durationS).toBe(60);
  });

  it('says why there is nothing to trace', () => {
    const silent = singleStation(0, { workers: 1, serviceTimeMs: 1 });
    expect(findTraces(silent)).toEqual({ ok: false, problem: expect.stringContaining('sent nothing') });
  });
});
