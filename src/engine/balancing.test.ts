/**
 * Load balancing against what each algorithm promises and what queueing theory predicts for
 * large pools (the supermarket model).
 */
import { describe, expect, it } from 'vitest';
import { LB_ALGORITHMS } from '../model';
import { createBalancer, HashRing, type Targets } from './behaviours/balancers';
import { RandomStream } from './random';
import { runDesign } from './run';
import { balancedPool, designOf } from './testSupport';

function targets(count: number, weights?: number[]): Targets {
  return {
    count,
    ids: Array.from({ length: count }, (_, i) => `server-${i}`),
    weights: Float64Array.from(weights ?? Array(count).fill(1)),
    inFlight: new Int32Array(count),
    healthy: new Uint8Array(count).fill(1),
  };
}

const serverArrivals = (s: ReturnType<typeof runDesign>, n: number) =>
  Array.from({ length: n }, (_, i) => s.nodes[`s${i + 1}`].arrivals);

describe('round robin and weighted round robin', () => {
  it('round robin splits requests evenly (to within one)', () => {
    const s = runDesign(balancedPool(1000, 'roundRobin', 4, { workers: 8, serviceTimeMs: 2 }), { durationS: 20, warmupS: 0 });
    const counts = serverArrivals(s, 4);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(counts.reduce((a, b) => a + b)).toBe(s.nodes.lb.arrivals);
  });

  it('weighted round robin follows the edge weights, interleaved', () => {
    const design = designOf(
      [
        { id: 'users', kind: 'client', params: { ratePerSecond: 600 } },
        { id: 'lb', kind: 'loadBalancer', params: { algorithm: 'weightedRoundRobin' } },
        { id: 's1', kind: 'server', params: { workers: 8 } },
        { id: 's2', kind: 'server', params: { workers: 8 } },
        { id: 's3', kind: 'server', params: { workers: 8 } },
      ],
      [
        { from: 'users', to: 'lb' },
        { from: 'lb', to: 's1', params: { weight: 1 } },
        { from: 'lb', to: 's2', params: { weight: 2 } },
        { from: 'lb', to: 's3', params: { weight: 3 } },
      ],
    );
    const s = runDesign(design, { durationS: 30, warmupS: 0 });
    const total = s.nodes.lb.arrivals;
    serverArrivals(s, 3).forEach((count, i) => expect(Math.abs(count - (total * (i + 1)) / 6)).toBeLessThanOrEqual(2));
    // Smooth interleaving: no target gets its whole share of a cycle in a row.
    const wrr = createBalancer('weightedRoundRobin', 100);
    const t = targets(3, [1, 2, 3]);
    const picks = Array.from({ length: 6 }, () => wrr.pick(t, { key: 0, session: 0, now: 0 }, new RandomStream(1, 'x')));
    expect(picks).toEqual([2, 1, 0, 2, 1, 2]);
  });
});

describe('session and key affinity', () => {
  const rng = new RandomStream(1, 'test');
  for (const algorithm of ['stickyRoundRobin', 'ipHash'] as const) {
    it(`${algorithm} keeps every session on one server and spreads sessions`, () => {
      const balancer = createBalancer(algorithm, 100);
      const t = targets(5);
      const home = new Map<number, number>();
      const perTarget = new Array(5).fill(0);
      for (let i = 0; i < 50_000; i++) {
        const session = rng.below(2000);
        const pick = balancer.pick(t, { key: rng.below(1000), session, now: i }, rng);
        if (!home.has(session)) {
          home.set(session, pick);
          perTarget[pick]++;
        }
        expect(pick).toBe(home.get(session));
      }
      // 2000 sessions over 5 servers: each gets 400 ± a few standard deviations (√(2000·0.2·0.8) ≈ 18).
      for (const sessions of perTarget) expect(Math.abs(sessions - 400)).toBeLessThan(80);
    });
  }

  it('url hash sends every key to one server', () => {
    const balancer = createBalancer('urlHash', 100);
    const t = targets(7);
    const home = new Map<number, number>();
    for (let key = 0; key < 5000; key++) home.set(key, balancer.pick(t, { key, session: 0, now: 0 }, rng));
    for (let key = 0; key < 5000; key++) expect(balancer.pick(t, { key, session: key, now: 1 }, rng)).toBe(home.get(key));
  });
});

describe('consistent hashing versus modulo hashing', () => {
  const n = 10;
  const keys = 100_000;
  const ids = Array.from({ length: n }, (_, i) => `server-${i}`);

  it('removing one of n servers moves about 1/n of keys on a ring, and only the removed server’s', () => {
    const before = new HashRing(ids, 100);
    const after = new HashRing(ids.slice(0, -1), 100);
    let moved = 0;
    const load = new Array(n).fill(0);
    for (let key = 0; key < keys; key++) {
      const a = before.lookup(key);
      const b = after.lookup(key);
      load[a]++;
      if (a !== b) {
        moved++;
        expect(a).toBe(n - 1);
      }
    }
    expect(Math.abs(moved / keys - 1 / n)).toBeLessThan(0.03);
    // 100 virtual nodes per server keep each share near 1/n (standard deviation ≈ 1/(n√100)).
    for (const share of load) expect(Math.abs(share / keys - 1 / n)).toBeLessThan(0.035);
  });

  it('modulo hashing moves most keys when one of n servers leaves', () => {
    const balancer = createBalancer('urlHash', 100);
    const rng = new RandomStream(1, 'x');
    let moved = 0;
    for (let key = 0; key < keys; key++) {
      const pick = { key, session: 0, now: 0 };
      if (balancer.pick(targets(n), pick, rng) !== balancer.pick(targets(n - 1), pick, rng)) moved++;
    }
    // A key stays only if h mod n = h mod (n − 1): about 1/n of keys.
    expect(Math.abs(moved / keys - (1 - 1 / n))).toBeLessThan(0.02);
  });
});

describe('large pools: 100 servers at 90 % load (the supermarket model)', () => {
  // 100 single-worker servers with mean service 10 ms each; 9000 req/s offered.
  const S = 10;
  const run = (algorithm: string) =>
    runDesign(balancedPool(9000, algorithm, 100, { workers: 1, serviceTimeMs: S }), { durationS: 150, warmupS: 10 })
      .endToEnd.latencyMs.mean;
  const random = run('random');
  const twoChoices = run('powerOfTwoChoices');
  const leastConnections = run('leastConnections');

  it('random gives each server an M/M/1 queue: mean S/(1 − ρ) = 10 S', () => {
    expect(Math.abs(random / (S / 0.1) - 1)).toBeLessThan(0.08);
  });

  it('power of two choices approaches Mitzenmacher’s limit Σ λ^(2^i − 2) ≈ 2.61 S', () => {
    let limit = 0;
    for (let i = 1; i < 12; i++) limit += 0.9 ** (2 ** i - 2);
    // The limit is for n → ∞; with 100 servers the mean sits a little above it.
    expect(twoChoices / (limit * S)).toBeGreaterThan(0.97);
    expect(twoChoices / (limit * S)).toBeLessThan(1.12);
    expect(twoChoices).toBeLessThan(random / 3);
  });

  it('least connections (join the shortest queue) waits hardly at all', () => {
    expect(leastConnections / S).toBeGreaterThan(1);
    expect(leastConnections / S).toBeLessThan(1.2);
  });
});

describe('common random numbers', () => {
  it('runs that differ only in the algorithm see the same requests with the same demands', () => {
    const busy = LB_ALGORITHMS.map((algorithm) => {
      const s = runDesign(balancedPool(2000, algorithm, 4, { workers: 1, serviceTimeMs: 1.5 }), {
        durationS: 30,
        warmupS: 0,
      });
      return { sent: s.endToEnd.sent, work: [1, 2, 3, 4].reduce((sum, i) => sum + s.nodes[`s${i}`].utilization, 0) };
    });
    for (const b of busy) {
      expect(b.sent).toBe(busy[0].sent);
      // The total work is the same requests' demands whoever serves them; only the few
      // requests in service at the end differ.
      expect(Math.abs(b.work - busy[0].work)).toBeLessThan(0.002);
    }
  });
});
