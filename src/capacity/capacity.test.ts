/**
 * The capacity search against queueing theory: where the target is a p99, an error rate or a
 * queue's wait, the load it finds is the load the closed form says meets it exactly. Expected
 * values are computed here from the formulas, never from the engine.
 */
import { describe, expect, it } from 'vitest';
import type { Design } from '../model';
import { designOf } from '../engine/testSupport';
import { findCapacity, scaledTraffic } from './capacity';
import type { CapacitySearch, CapacityTarget } from './types';

const NO_LATENCY_TARGET = 3_600_000;

/** A client → one server design, run for `durationS`, zero-latency edges. */
function station(rate: number, server: Record<string, unknown>, durationS: number, client: Record<string, unknown> = {}): Design {
  const design = designOf(
    [
      { id: 'users', kind: 'client', params: { ratePerSecond: rate, ...client } },
      { id: 'app', kind: 'server', params: server },
    ],
    [{ from: 'users', to: 'app' }],
  );
  return { ...design, run: { durationS, warmupS: 20 } };
}

function search(design: Design, target: Partial<CapacityTarget>): CapacitySearch {
  const result = findCapacity(design, { p99Ms: NO_LATENCY_TARGET, errorRate: 0.5, queueLagMs: NO_LATENCY_TARGET, ...target });
  if (!result.ok) throw new Error(result.problem);
  return result;
}

/** The search brackets the load the closed form gives, within `relative`, and its bracket is tight. */
function expectBracket(result: CapacitySearch, expectedPerSecond: number, relative: number) {
  const { carried, failed } = result;
  expect(carried && failed, 'a boundary was found').toBeTruthy();
  for (const point of [carried!, failed!]) {
    expect(Math.abs(point.offeredPerSecond - expectedPerSecond) / expectedPerSecond, `${point.offeredPerSecond} req/s against ${expectedPerSecond}`).toBeLessThan(relative);
  }
  expect(failed!.scale / carried!.scale).toBeLessThanOrEqual(1.02);
  expect(carried!.meets).toBe(true);
  expect(failed!.meets).toBe(false);
}

describe('capacity against closed forms', () => {
  it('M/M/1 with a p99 target: the sojourn is exponential with rate μ − λ, so p99 = ln 100 / (μ − λ) meets 100 ms at λ = μ − ln 100 / 0.1 s', () => {
    const mu = 100; // per second: 10 ms mean service
    const expected = mu - Math.log(100) / 0.1; // 53.95 req/s
    const result = search(station(20, { workers: 1, serviceTimeMs: 10 }, 3000), { p99Ms: 100 });
    expectBracket(result, expected, 0.04);
  });

  it('M/M/1/K with an error target: the blocking probability (1 − ρ)ρ^K / (1 − ρ^(K+1)) reaches 1 % at the load found', () => {
    const K = 10; // one in service, nine waiting
    const blocking = (rho: number) => ((1 - rho) * rho ** K) / (1 - rho ** (K + 1));
    // Solve blocking(ρ) = 1 % by bisection on the formula.
    let lo = 0.01;
    let hi = 0.99;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (blocking(mid) < 0.01) lo = mid;
      else hi = mid;
    }
    const mu = 100;
    const result = search(station(20, { workers: 1, serviceTimeMs: 10, queueCapacity: K - 1 }, 3000), { errorRate: 0.01 });
    expectBracket(result, lo * mu, 0.04); // ρ* ≈ 0.713
  });

  it('M/D/1 behind a queue with a wait target: the Pollaczek–Khinchine mean wait ρ / (2μ(1 − ρ)) is a lower bound the found load respects', () => {
    // A queue answers producers at once; only its wait target can fail. The longest wait over a
    // long run exceeds the mean, so the load found must lie below the one whose mean wait is the target.
    const design = designOf(
      [
        { id: 'producers', kind: 'client', params: { ratePerSecond: 20 } },
        { id: 'topic', kind: 'queue', params: {} },
        { id: 'worker', kind: 'server', params: { workers: 1, serviceTimeMs: 10, serviceDistribution: 'constant' } },
      ],
      [
        { from: 'producers', to: 'topic' },
        { from: 'topic', to: 'worker' },
      ],
    );
    const result = search({ ...design, run: { durationS: 600, warmupS: 20 } }, { queueLagMs: 200 });
    const mu = 100;
    // Mean wait of 200 ms at ρ = 1 / (1 + 1 / (2 · μ · 0.2 s)) = 0.976.
    const rhoAtMeanWait = 1 / (1 + 1 / (2 * mu * 0.2));
    expect(result.carried!.offeredPerSecond).toBeLessThan(rhoAtMeanWait * mu);
    expect(result.carried!.offeredPerSecond).toBeGreaterThan(0.5 * mu);
    expect(result.failed!.shortfall).toMatch(/in a queue, over 200 ms/);
    expect(result.limit?.nodeId).toBe('topic');
  });
});

describe('the search', () => {
  it('names what gives first: a database that can take 500 req/s behind servers that can take 800', () => {
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 100 } },
        { id: 'app', kind: 'server', params: { workers: 4, serviceTimeMs: 5 } },
        { id: 'db', kind: 'database', params: { workers: 1, readTimeMs: 2, writeTimeMs: 2 } },
      ],
      [
        { from: 'users', to: 'app' },
        { from: 'app', to: 'db' },
      ],
    );
    const result = search({ ...design, run: { durationS: 120, warmupS: 5 } }, { p99Ms: 200 });
    expect(result.carried!.offeredPerSecond).toBeLessThan(500);
    expect(result.carried!.offeredPerSecond).toBeGreaterThan(400);
    expect(result.limit?.nodeId).toBe('db');
    expect(result.failed!.busiest?.nodeId).toBe('db');
  });

  it('reports "at least" when the design meets the target at the highest scale it tries', () => {
    const result = search(station(1, { workers: 8, serviceTimeMs: 1 }, 60), { p99Ms: 1000 });
    expect(result.failed).toBeNull();
    expect(result.limit).toBeNull();
    expect(result.carried!.scale).toBe(1024);
    expect(result.points.every((p) => p.meets)).toBe(true);
  });

  it('reports a design too slow even when idle, halving until too few requests are left to judge', () => {
    const result = search(station(100, { workers: 64, serviceTimeMs: 300, serviceDistribution: 'constant' }, 60), { p99Ms: 200 });
    expect(result.carried).toBeNull();
    expect(result.failed!.shortfall).toMatch(/^p99 300 ms, over 200 ms$/);
    // 6,000 requests at scale 1; halving stops before a run would measure fewer than 100.
    expect(Math.min(...result.points.map((p) => p.scale))).toBe(1 / 32);
    expect(result.limit?.nodeId).toBe('app');
  });

  it('says when the latency is the design’s own, not load: a 500 ms link misses a 200 ms p99 at any traffic', () => {
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 100 } },
        { id: 'app', kind: 'server', params: {} },
      ],
      [{ from: 'users', to: 'app', params: { latencyMs: 500 } }],
    );
    const result = search({ ...design, run: { durationS: 20, warmupS: 5 } }, { p99Ms: 200 });
    expect(result.carried).toBeNull();
    // Every request takes the 1 s round trip and a little: its p99 says so, not the few still on the wire.
    expect(result.baseline.shortfall).toMatch(/^p99 1\.0\d s, over 200 ms$/);
    expect(result.limit?.text).toMatch(/^Nothing is busy \(the busiest node, app, [\d.]+ %\): the latency is the design's own/);
    // Errors, not latency, from a server failing half its requests: said as such.
    const failing = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 100 } },
        { id: 'app', kind: 'server', params: { errorRate: 0.5 } },
      ],
      [{ from: 'users', to: 'app' }],
    );
    const errors = search({ ...failing, run: { durationS: 20, warmupS: 5 } }, { p99Ms: 200, errorRate: 0.01 });
    expect(errors.limit?.text).toMatch(/: the errors are the design's own — a node's error rate or a fault — not load\.$/);
  });

  it('counts throughput as requests answered successfully, not those refused', () => {
    // 200 req/s, evenly spaced, onto a limiter admitting 100 a second: 100 answered, half refused.
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 200, arrivals: 'uniform' } },
        { id: 'limiter', kind: 'rateLimiter', params: { ratePerSecond: 100, burst: 1 } },
        { id: 'app', kind: 'server', params: { workers: 4, serviceTimeMs: 1 } },
      ],
      [
        { from: 'users', to: 'limiter' },
        { from: 'limiter', to: 'app' },
      ],
    );
    const base = search({ ...design, run: { durationS: 20, warmupS: 5 } }, { errorRate: 0.9 }).baseline;
    expect(base.throughputPerSecond).toBeCloseTo(100, 0);
    expect(base.errorRate).toBeCloseTo(0.5, 2);
  });

  it('counts requests still waiting at the end as slow: an overloaded server that answers few', () => {
    // Uniform arrivals every 100 ms (the first at 100 ms) at a server that takes 1 s each, for
    // 10 s: request i is sent at (i + 1) / 10 s and, one at a time, answered at 0.1 + (i + 1) s.
    const design = station(10, { workers: 1, serviceTimeMs: 1000, serviceDistribution: 'constant' }, 10, { arrivals: 'uniform' });
    const result = findCapacity({ ...design, run: { durationS: 10, warmupS: 0 } }, { p99Ms: 5000, errorRate: 0.5, queueLagMs: 1000 });
    if (!result.ok) throw new Error(result.problem);
    const base = result.baseline;
    const answered = Math.round(base.throughputPerSecond * 10);
    const sent = (i: number) => (i + 1) / 10;
    const finish = (i: number) => sent(0) + (i + 1);
    const requests = Array.from({ length: 100 }, (_, i) => i);
    const expectedAnswered = requests.filter((i) => finish(i) <= 10).length; // 9
    // Overdue: unanswered at 10 s, and sent more than 5 s (the target) before it.
    const expectedOverdue = requests.filter((i) => finish(i) > 10 && sent(i) < 10 - 5).length; // 40
    expect(answered).toBe(expectedAnswered);
    expect(base.overdue).toBe(expectedOverdue);
    expect(base.meets).toBe(false);
    // Request i, answered, took 0.1 + 0.9 (i + 1) s: the ninth 8.2 s, over the target by itself.
    expect(base.shortfall).toBe('p99 8.2 s, over 5 s');
    // Under an 8.5 s target the answered pass; the five sent from 1.0 s to 1.4 s, unanswered at 10 s, do not.
    const looser = findCapacity({ ...design, run: { durationS: 10, warmupS: 0 } }, { p99Ms: 8500, errorRate: 0.5, queueLagMs: 1000 });
    if (!looser.ok) throw new Error(looser.problem);
    expect(looser.baseline.shortfall).toBe('5 requests still unanswered after 8.5 s');
  });

  it('repeats bit for bit, and sorts its runs by load', () => {
    const design = station(30, { workers: 1, serviceTimeMs: 10 }, 100);
    const strip = (r: CapacitySearch) => ({ ...r, wallMs: 0 });
    const first = search(design, { p99Ms: 100 });
    expect(strip(search(design, { p99Ms: 100 }))).toEqual(strip(first));
    const scales = first.points.map((p) => p.scale);
    expect(scales).toEqual([...scales].sort((a, b) => a - b));
  });

  it('tells each run as it finishes', () => {
    const seen: number[] = [];
    const result = findCapacity(station(30, { workers: 1, serviceTimeMs: 10 }, 50), { p99Ms: 100, errorRate: 0.01, queueLagMs: 1000 }, (p) => seen.push(p.scale));
    if (!result.ok) throw new Error(result.problem);
    expect(seen.length).toBe(result.points.length);
    expect(seen[0]).toBe(1);
  });

  it('refuses what it cannot search, with a reason', () => {
    const silent = station(0, { workers: 1 }, 10);
    expect(findCapacity(silent, { p99Ms: 100, errorRate: 0.01, queueLagMs: 1000 })).toEqual({ ok: false, problem: expect.stringMatching(/clients sent nothing/) });
    const design = station(10, { workers: 1 }, 10);
    expect(findCapacity(design, { p99Ms: -3, errorRate: 0.01, queueLagMs: 1000 })).toEqual({ ok: false, problem: expect.stringMatching(/p99 target must be a positive number.*-3/) });
    expect(findCapacity(design, { p99Ms: 100, errorRate: 1, queueLagMs: 1000 })).toEqual({ ok: false, problem: expect.stringMatching(/error target/) });
    expect(findCapacity(design, { p99Ms: 100, errorRate: 0.01, queueLagMs: NaN })).toEqual({ ok: false, problem: expect.stringMatching(/queue wait target/) });
    const dangling = { ...design, edges: [...design.edges, { id: 'e9', source: 'app', target: 'db9', params: {} }] };
    expect(findCapacity(dangling, { p99Ms: 100, errorRate: 0.01, queueLagMs: 1000 })).toEqual({ ok: false, problem: expect.stringMatching(/db9/) });
  });

  it('scales every client, a ramp’s end too, and nothing else', () => {
    const design = designOf(
      [
        { id: 'a', kind: 'client', params: { ratePerSecond: 100, traffic: 'ramp', rampToRatePerSecond: 300 } },
        { id: 'b', kind: 'client', params: { ratePerSecond: 7 } },
        { id: 'limiter', kind: 'rateLimiter', params: { ratePerSecond: 50 } },
        { id: 'app', kind: 'server', params: {} },
      ],
      [
        { from: 'a', to: 'limiter' },
        { from: 'b', to: 'limiter' },
        { from: 'limiter', to: 'app' },
      ],
    );
    const scaled = scaledTraffic(design, 2.5);
    const params = (id: string) => scaled.nodes.find((n) => n.id === id)!.params;
    expect(params('a')).toMatchObject({ ratePerSecond: 250, rampToRatePerSecond: 750 });
    expect(params('b').ratePerSecond).toBe(17.5);
    expect(params('limiter').ratePerSecond).toBe(50);
  });
});
